import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSuggestion } from '../../../shared/team-model';
import { api } from '../../api';
import { usePick } from '../team/labels';
import { DelegateOptions } from './DelegateOptions';
import { useProtectionStore } from './store';

const KINDS = ['journalist', 'employee', 'executive', 'other'] as const;
type Kind = (typeof KINDS)[number];
const PLATFORMS = [
  'x',
  'mastodon',
  'bluesky',
  'facebook',
  'instagram',
  'linkedin',
  'tiktok',
  'youtube',
  'reddit',
  'other',
];

/** Opens a case: the person, their handles per platform, the cooldown and who watches for them. */
export function OpenCaseForm() {
  const { t } = useTranslation();
  const pick = usePick();
  const suggestions = useProtectionStore((s) => s.suggestions);
  const run = useProtectionStore((s) => s.run);
  const cancel = useProtectionStore((s) => s.cancelNew);
  const prefill = useProtectionStore((s) => s.prefill);
  const [name, setName] = useState(prefill?.name ?? '');
  const [kind, setKind] = useState<Kind>(prefill?.kind ?? 'employee');
  const [handles, setHandles] = useState<{ platform: string; handle: string }[]>(
    prefill?.handles?.length ? prefill.handles : [{ platform: 'x', handle: '' }],
  );
  const [hours, setHours] = useState('24');
  const [hoursProblem, setHoursProblem] = useState(false);
  const [delegate, setDelegate] = useState('');
  const [alertId, setAlertId] = useState<number | null>(prefill?.alertId ?? null);

  const use = (s: PersonSuggestion) => {
    setName(s.name);
    setKind(s.kind);
    setHandles(s.handles.length ? s.handles : [{ platform: 'x', handle: '' }]);
    setAlertId(s.alertId);
  };

  return (
    <section className="case-form" aria-labelledby="case-form-title" data-testid="case-form">
      <h2 className="case-section__title" id="case-form-title">
        {t('team.protection.new')}
      </h2>
      <p className="team-hint">{t('team.protection.intro')}</p>
      {suggestions.length > 0 && (
        <div className="case-form__suggestions">
          <h3 className="case-form__label">{t('team.protection.suggested')}</h3>
          <ul>
            {suggestions.map((s) => (
              <li key={`${s.source}:${s.name}`} className="case-suggestion">
                <span>
                  <strong>{s.name}</strong>
                  {s.role && <> — {pick(s.role)}</>}
                  <span className="case-suggestion__source">
                    {' '}
                    · {t(s.source === 'demo' ? 'team.protection.fromDemo' : 'team.protection.fromAlert')}
                  </span>
                </span>
                <button type="button" className="button" data-testid="use-suggestion" onClick={() => use(s)}>
                  {t('team.protection.use')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        className="team-form case-form__grid"
        onSubmit={(e) => {
          e.preventDefault();
          const hoursValue = Number(hours.replace(',', '.'));
          // An unreadable or negative delay is said, not replaced by the default behind the user's back.
          if (
            hours.trim() !== '' &&
            !(Number.isFinite(hoursValue) && hoursValue > 0 && hoursValue <= 24 * 30)
          ) {
            setHoursProblem(true);
            return;
          }
          void run(() =>
            api.call('protection.open', {
              name,
              kind,
              handles: handles.filter((h) => h.handle.trim()),
              cooldownHours: hours.trim() === '' ? undefined : hoursValue,
              delegateMemberId: delegate || null,
              ...(alertId !== null ? { alertId } : {}),
            }),
          );
        }}
      >
        <label className="team-field">
          <span>{t('team.protection.form.name')}</span>
          <input
            className="input"
            required
            maxLength={120}
            value={name}
            data-testid="case-name"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="team-field">
          <span>{t('team.protection.form.kind')}</span>
          <select className="select" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`team.protection.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="team-field case-form__handles">
          <legend>{t('team.protection.form.handles')}</legend>
          {handles.map((h, i) => (
            <div key={i} className="case-form__handle">
              <select
                className="select"
                aria-label={t('team.protection.form.platform')}
                value={h.platform}
                onChange={(e) =>
                  setHandles((list) => list.map((x, j) => (j === i ? { ...x, platform: e.target.value } : x)))
                }
              >
                {[...new Set([...PLATFORMS, h.platform])].map((p) => (
                  <option key={p} value={p}>
                    {t(`platform.${p}`, { defaultValue: p })}
                  </option>
                ))}
              </select>
              <input
                className="input"
                aria-label={t('team.protection.form.handle')}
                maxLength={200}
                value={h.handle}
                data-testid="case-handle"
                onChange={(e) =>
                  setHandles((list) => list.map((x, j) => (j === i ? { ...x, handle: e.target.value } : x)))
                }
              />
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('team.protection.form.removeHandle')}
                onClick={() => setHandles((list) => list.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => setHandles((l) => [...l, { platform: 'x', handle: '' }])}
          >
            {t('team.protection.form.addHandle')}
          </button>
        </fieldset>
        <label className="team-field">
          <span>{t('team.protection.form.cooldown')}</span>
          <input
            className="input"
            inputMode="decimal"
            value={hours}
            data-testid="case-hours"
            aria-invalid={hoursProblem}
            aria-describedby="case-hours-hint"
            onChange={(e) => {
              setHours(e.target.value);
              setHoursProblem(false);
            }}
          />
          <small
            id="case-hours-hint"
            className={hoursProblem ? 'team-hint team-hint--error' : 'team-hint'}
            data-testid="case-hours-hint"
          >
            {t(hoursProblem ? 'team.protection.form.cooldownInvalid' : 'team.protection.form.cooldownHint')}
          </small>
        </label>
        <label className="team-field">
          <span>{t('team.protection.form.delegate')}</span>
          <select className="select" value={delegate} onChange={(e) => setDelegate(e.target.value)}>
            <DelegateOptions />
          </select>
        </label>
        <div className="team-dialog__actions">
          <button type="button" className="button" onClick={cancel}>
            {t('team.protection.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="case-open">
            {t('team.protection.form.open')}
          </button>
        </div>
      </form>
    </section>
  );
}
