import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { api } from '../../api';
import { useFormat } from '../../lib/format';
import { shortDuration } from '../team/duration';
import { useProtectionStore } from './store';

/** The cooldown's countdown and bar, and the form that restarts it for a number of hours. */
export function CooldownCard({ c, now }: { c: CaseDetail; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const run = useProtectionStore((s) => s.run);
  const [hours, setHours] = useState(String(Math.round((c.cooldown.durationMs / 3_600_000) * 10) / 10));
  const remaining = Math.max(0, c.cooldown.until - now);
  const progress = Math.min(1, Math.max(0, (now - c.cooldown.startedAt) / c.cooldown.durationMs));
  return (
    <section className="case-card" aria-labelledby="cooldown-title">
      <h3 className="case-section__title" id="cooldown-title">
        {t('team.protection.cooldown.title')}
      </h3>
      <p className="case-card__big" data-testid="cooldown" data-remaining={remaining}>
        {remaining > 0
          ? t('team.protection.cooldown.left', { time: shortDuration(remaining) })
          : t('team.protection.cooldown.over')}
      </p>
      <span className="load-bar" aria-hidden="true">
        <span className="load-bar__fill load-bar__fill--ok" style={{ width: `${progress * 100}%` }} />
      </span>
      <p className="team-hint">
        {t('team.protection.cooldown.until', { time: f.dateTime(c.cooldown.until) })}
      </p>
      {c.status !== 'closed' && (
        <form
          className="case-card__inline"
          onSubmit={(e) => {
            e.preventDefault();
            const h = Number(hours.replace(',', '.'));
            if (h > 0) void run(() => api.call('protection.cooldown', { id: c.id, hours: h }));
          }}
        >
          <input
            className="input case-card__hours"
            inputMode="decimal"
            aria-label={t('team.protection.cooldown.hours')}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
          <span>{t('team.protection.cooldown.hours')}</span>
          <button type="submit" className="button">
            {t('team.protection.cooldown.restart')}
          </button>
        </form>
      )}
    </section>
  );
}
