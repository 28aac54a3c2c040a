import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimerConfigView } from '../../../shared/team-model';
import { api } from '../../api';
import { settingDuration } from './duration';
import { useTeamStore } from './store';

const MIN = 60_000;

/** The cell's break rhythm in one line, and a small form to change it (lead). */
export function TimerSettings({ config }: { config: TimerConfigView }) {
  const { t } = useTranslation();
  const act = useTeamStore((s) => s.act);
  const [open, setOpen] = useState(false);
  const [restEvery, setRestEvery] = useState(String(config.rest.intervalMs / MIN));
  const [restLength, setRestLength] = useState(String(config.rest.durationMs / MIN));
  const [microEvery, setMicroEvery] = useState(String(config.micro.intervalMs / MIN));
  const [strict, setStrict] = useState(config.strict);
  return (
    <section className="timer-settings" aria-label={t('team.settings.title')}>
      <p className="timer-settings__summary" data-testid="timer-summary">
        {t('team.settings.summary', {
          microDuration: settingDuration(config.micro.durationMs),
          microEvery: settingDuration(config.micro.intervalMs),
          restDuration: settingDuration(config.rest.durationMs),
          restEvery: settingDuration(config.rest.intervalMs),
          maxDuty: settingDuration(config.maxContinuousDutyMs),
          daily: settingDuration(config.dailyLimitMs),
        })}
        {config.strict && <span className="team-tag"> {t('team.timer.strict')}</span>}
      </p>
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t('team.settings.title')}
      </button>
      {open && (
        <form
          className="timer-settings__form"
          onSubmit={(e) => {
            e.preventDefault();
            const ms = (v: string) => Math.max(1000, Math.round(Number(v.replace(',', '.')) * MIN));
            void act(() =>
              api.call('team.timerConfig.set', {
                rest: { intervalMs: ms(restEvery), durationMs: ms(restLength) },
                micro: { intervalMs: ms(microEvery) },
                strict,
              }),
            ).then((ok) => ok && setOpen(false));
          }}
        >
          <label className="team-field">
            <span>{t('team.settings.restEvery')}</span>
            <input
              className="input"
              inputMode="decimal"
              data-testid="rest-every"
              value={restEvery}
              onChange={(e) => setRestEvery(e.target.value)}
            />
          </label>
          <label className="team-field">
            <span>{t('team.settings.restDuration')}</span>
            <input
              className="input"
              inputMode="decimal"
              data-testid="rest-length"
              value={restLength}
              onChange={(e) => setRestLength(e.target.value)}
            />
          </label>
          <label className="team-field">
            <span>{t('team.settings.microEvery')}</span>
            <input
              className="input"
              inputMode="decimal"
              value={microEvery}
              onChange={(e) => setMicroEvery(e.target.value)}
            />
          </label>
          <label className="team-check">
            <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} />
            {t('team.settings.strict')}
          </label>
          <button type="submit" className="button button--primary" data-testid="settings-save">
            {t('team.settings.save')}
          </button>
        </form>
      )}
    </section>
  );
}
