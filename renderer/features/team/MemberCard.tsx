import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../shared/team-model';
import { api } from '../../api';
import { useFormat } from '../../lib/format';
import { shortDuration } from './duration';
import { STATE_TONE } from './labels';
import { LoadBreakdown } from './LoadBreakdown';
import { useTeamStore } from './store';

/** The timer line of a member, moved on by `elapsed` ms since the board was loaded. */
export function timerText(
  t: (k: string, o?: Record<string, unknown>) => string,
  m: MemberView,
  elapsed: number,
): string {
  const tm = m.timer;
  if (!m.onDuty) return t('team.offDuty');
  if (tm.currentBreak) {
    const left = tm.currentBreak.remainingMs - elapsed;
    return left > 0 ? t('team.timer.breakLeft', { time: shortDuration(left) }) : t('team.timer.breakDone');
  }
  if (tm.dueInMs === null) return t(`team.state.${tm.state}`);
  const rest = tm.nextBreakKind === 'rest';
  const dueIn = tm.dueInMs - elapsed;
  if (dueIn > 0)
    return t(rest ? 'team.timer.nextRest' : 'team.timer.nextMicro', { time: shortDuration(dueIn) });
  return t(rest ? 'team.timer.dueRest' : 'team.timer.dueMicro', {
    time: shortDuration(tm.overdueByMs + elapsed - Math.max(0, tm.dueInMs)),
  });
}

export const MemberCard = memo(function MemberCard({
  member: m,
  elapsed,
  leadView,
  onHandoff,
}: {
  member: MemberView;
  elapsed: number;
  /** The local user leads the cell: may impose breaks and strict mode. */
  leadView: boolean;
  onHandoff(member: MemberView): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const act = useTeamStore((s) => s.act);
  const [details, setDetails] = useState(false);
  const tm = m.timer;
  const tone = STATE_TONE[tm.state] ?? 'muted';
  const breakAction = (
    action: 'start' | 'end' | 'postpone' | 'skip' | 'impose' | 'release',
    strict?: boolean,
  ) =>
    void act(() =>
      api.call('team.break', { memberId: m.id, action, ...(strict !== undefined ? { strict } : {}) }),
    );
  const onBreak = tm.state === 'on_break';
  const due = ['micro_due', 'break_due', 'overdue'].includes(tm.state);

  return (
    <article
      className={`member-card member-card--${tone}`}
      data-testid="member-card"
      data-member={m.displayName}
      data-state={tm.state}
      data-load={m.load.score}
      data-exposure={m.exposure.opened + m.exposure.handled}
      aria-labelledby={`member-${m.id}`}
    >
      <header className="member-card__head">
        <div className="member-card__who">
          <h3 className="member-card__name" id={`member-${m.id}`}>
            {m.displayName}
            {m.isLocal && <span className="member-card__you"> ({t('team.you')})</span>}
          </h3>
          <p className="member-card__role">
            {t(`team.role.${m.role ?? 'none'}`)} · {t('team.signs', { name: m.signature })}
          </p>
        </div>
        <span className={`team-pill team-pill--${tone}`} data-testid="member-state">
          {t(`team.state.${tm.state}`)}
        </span>
      </header>

      <p className="member-card__timer" data-testid="member-timer">
        {timerText(t, m, elapsed)}
        {tm.strict && <span className="team-tag"> {t('team.timer.strict')}</span>}
      </p>

      <div className="member-card__load">
        <span className={`load-score load-score--${m.load.band}`} data-testid="member-load">
          {f.decimal(m.load.score)}
        </span>
        <div className="member-card__loadtext">
          <span>
            {t('team.load.label')} · {t(`team.load.band.${m.load.band}`)}
          </span>
          <span className="load-bar" aria-hidden="true">
            <span
              className={`load-bar__fill load-bar__fill--${m.load.band}`}
              style={{ width: `${m.load.score}%` }}
            />
          </span>
        </div>
      </div>
      <p className="member-card__meta" data-testid="member-exposure">
        {t('team.exposure', {
          opened: m.exposure.opened,
          handled: m.exposure.handled,
          targeted: m.exposure.targetedToxic,
        })}
      </p>
      {m.onDuty && (
        <p className="member-card__meta">
          {t('team.timer.onDuty', { time: shortDuration(tm.onDutyMs + elapsed) })}
          {tm.sinceRealBreakMs !== null && (
            <> · {t('team.timer.sinceBreak', { time: shortDuration(tm.sinceRealBreakMs + elapsed) })}</>
          )}
        </p>
      )}
      {m.onDuty && (
        <p className="member-card__meta" data-testid="member-breaks">
          {t('team.timer.counts', {
            taken: tm.breaksTaken,
            natural: tm.breaksNatural,
            skipped: tm.breaksSkipped,
            postponed: tm.breaksPostponed,
          })}
        </p>
      )}
      <p className="member-card__meta">
        {m.services.length
          ? m.services.map((s) => t(`team.service.${s}`, { defaultValue: s })).join(', ')
          : t('team.noServices')}
      </p>
      {m.load.suggestRotation && (
        <p className="member-card__rotation" data-testid="member-rotation">
          {t('team.load.rotation')} (
          {m.load.rotationReasons.map((r) => t(`team.load.rotationReason.${r}`)).join(', ')})
        </p>
      )}

      <div className="member-card__actions">
        {!m.onDuty && (
          <button
            type="button"
            className="button"
            onClick={() => void act(() => api.call('team.duty', { memberId: m.id, onDuty: true }))}
          >
            {t('team.actions.startDuty')}
          </button>
        )}
        {m.onDuty && !onBreak && (
          <button
            type="button"
            className={`button${due ? ' button--primary' : ''}`}
            onClick={() => breakAction('start')}
          >
            {t('team.actions.startBreak')}
          </button>
        )}
        {onBreak && (
          <button type="button" className="button button--primary" onClick={() => breakAction('end')}>
            {t('team.actions.endBreak')}
          </button>
        )}
        {tm.canPostpone && (
          <button type="button" className="button" onClick={() => breakAction('postpone')}>
            {t('team.actions.postpone')}
          </button>
        )}
        {tm.canSkip && (
          <button type="button" className="button" onClick={() => breakAction('skip')}>
            {t('team.actions.skip')}
          </button>
        )}
        {leadView && m.onDuty && !onBreak && !m.isLocal && !tm.strict && (
          <button type="button" className="button" onClick={() => breakAction('impose', true)}>
            {t('team.actions.impose')}
          </button>
        )}
        {leadView && tm.strict && (
          <button type="button" className="button" onClick={() => breakAction('release')}>
            {t('team.actions.release')}
          </button>
        )}
        {m.onDuty && (
          <button
            type="button"
            className={`button${m.load.suggestRotation ? ' button--primary' : ''}`}
            onClick={() => onHandoff(m)}
          >
            {t('team.actions.handoff')}
          </button>
        )}
        {m.onDuty && (
          <button
            type="button"
            className="button"
            onClick={() => void act(() => api.call('team.duty', { memberId: m.id, onDuty: false }))}
          >
            {t('team.actions.endDuty')}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost"
          aria-expanded={details}
          onClick={() => setDetails((d) => !d)}
          data-testid="member-details"
        >
          {details ? t('team.load.hideDetails') : t('team.load.details')}
        </button>
      </div>
      {details && <LoadBreakdown load={m.load} />}
    </article>
  );
});
