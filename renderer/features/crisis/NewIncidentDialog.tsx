import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Level, SourceView } from '../../../shared/model';
import { LEVELS } from './constants';
import { api } from '../../api';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';

/** Opens an incident by hand, or from an alert (fromAlertId): title, level, perimeter, playbook. */
export function NewIncidentDialog({
  onClose,
  fromAlert,
}: {
  onClose(): void;
  fromAlert?: { id: number; title: string };
}) {
  const { t, i18n } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const catalog = useCrisisStore((s) => s.catalog);
  const [title, setTitle] = useState(fromAlert?.title ?? '');
  const [level, setLevel] = useState<Level>(fromAlert ? 'alerte' : 'veille');
  const [terms, setTerms] = useState('');
  const [sources, setSources] = useState<SourceView[]>([]);
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [playbookId, setPlaybookId] = useState('');
  const en = i18n.language.startsWith('en');

  useEffect(() => {
    void api
      .call('sources.list', {})
      .then((r) => setSources(r.items))
      .catch(() => undefined);
  }, []);

  const submit = async () => {
    const ok = await act(
      'incidents.open',
      {
        title: title.trim(),
        level,
        terms: terms
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        sourceIds,
        ...(fromAlert ? { fromAlertId: fromAlert.id } : {}),
        ...(playbookId ? { playbookId } : {}),
      },
      'crisis.notice.incidentOpened',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={fromAlert ? t('crisis.incident.newFromAlert') : t('crisis.incident.new')}
      testId="new-incident-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.incident.open')}
      submitDisabled={!title.trim()}
      wide
    >
      <Field label={t('crisis.incident.title')}>
        <input
          className="input"
          value={title}
          maxLength={300}
          autoFocus
          data-testid="new-incident-title"
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field label={t('incident.levelLabel')}>
        <select className="select" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`incident.level.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('crisis.incident.terms')} hint={t('crisis.incident.termsHint')}>
        <input
          className="input"
          value={terms}
          maxLength={2000}
          data-testid="new-incident-terms"
          onChange={(e) => setTerms(e.target.value)}
        />
      </Field>
      {sources.length > 0 && (
        <fieldset className="field field--set">
          <legend className="field__label">{t('crisis.incident.sources')}</legend>
          <div className="check-list">
            {sources.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={sourceIds.includes(s.id)}
                  onChange={(e) =>
                    setSourceIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)))
                  }
                />
                {s.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Field label={t('crisis.incident.playbook')}>
        <select
          className="select"
          value={playbookId}
          data-testid="new-incident-playbook"
          onChange={(e) => setPlaybookId(e.target.value)}
        >
          <option value="">{t('crisis.incident.noPlaybook')}</option>
          {catalog?.playbooks.map((p) => (
            <option key={p.id} value={p.id}>
              {en ? p.title.en : p.title.fr}
            </option>
          ))}
        </select>
      </Field>
    </Dialog>
  );
}
