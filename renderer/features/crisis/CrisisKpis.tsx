import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../shared/crisis-model';
import { formatCountdown, formatDuration } from './countdown';
import { overdueSteps } from './overdue-steps';
import { useCrisisStore } from './store';
import { useIncidentNow } from './useIncidentNow';

/** Headline numbers of the cell: first public statement, next update due, legal clocks, late steps. */
export function CrisisKpis() {
  const { t } = useTranslation();
  const state = useCrisisStore((s) => s.state);
  const now = useIncidentNow();
  const units = { min: t('crisis.units.min'), h: t('crisis.units.h'), d: t('crisis.units.d') };
  if (!state) return null;
  const { firstStatement, cadence } = state;
  const overdue = overdueSteps(state, now);
  const closed = state.incident.status === 'closed';
  return (
    <section className="crisis-kpis" aria-label={t('crisis.kpis.label')} data-testid="crisis-kpis">
      <div
        className="kpi"
        data-testid="kpi-first-statement"
        data-value={firstStatement.delayMs ?? ''}
        title={t('crisis.kpis.firstStatementHint')}
      >
        {/* Waiting, the label itself says so: on a laptop the hint line is hidden, and "1 j 12 h"
            under "1re prise de parole" alone would read as a statement made. */}
        <span className="kpi__label">
          {firstStatement.delayMs === null && !closed
            ? t('crisis.kpis.firstStatementWaitingLabel')
            : t('crisis.kpis.firstStatement')}
        </span>
        <span className="kpi__value">
          {firstStatement.delayMs !== null
            ? formatDuration(firstStatement.delayMs, units)
            : closed
              ? '—'
              : formatDuration(now - firstStatement.firstAlertAt, units)}
        </span>
        <span className="kpi__hint">
          {firstStatement.delayMs !== null
            ? t('crisis.kpis.firstStatementDone')
            : firstStatement.firstAlertAt > state.incident.openedAt
              ? t('crisis.kpis.firstStatementWaiting')
              : t('crisis.kpis.firstStatementSinceOpening')}
        </span>
      </div>
      <CadenceKpi
        dueAt={cadence.dueAt}
        minutes={cadence.cadenceMinutes}
        warnMinutes={cadence.warnMinutes}
        now={now}
      />
      {state.clocks.map((c) => (
        <ClockKpi key={c.clockId} clock={c} now={now} />
      ))}
      <div className={overdue > 0 ? 'kpi kpi--alarm' : 'kpi'} data-testid="kpi-overdue" data-value={overdue}>
        <span className="kpi__label">{t('crisis.kpis.overdue')}</span>
        <span className="kpi__value">{overdue}</span>
        <span className="kpi__hint">{t('crisis.kpis.overdueHint')}</span>
      </div>
    </section>
  );
}

function CadenceKpi({
  dueAt,
  minutes,
  warnMinutes,
  now,
}: {
  dueAt: number | null;
  minutes: number | null;
  warnMinutes: number;
  now: number;
}) {
  const { t } = useTranslation();
  const units = { h: t('crisis.units.h'), d: t('crisis.units.d') };
  const remaining = dueAt === null ? null : dueAt - now;
  const warn = remaining !== null && remaining <= warnMinutes * 60_000;
  useCadenceNotification(dueAt, warn, t('crisis.kpis.cadenceNotification'));
  return (
    <div
      className={remaining !== null && remaining < 0 ? 'kpi kpi--alarm' : warn ? 'kpi kpi--warn' : 'kpi'}
      data-testid="kpi-cadence"
      data-remaining={remaining ?? ''}
      role={warn ? 'alert' : undefined}
    >
      <span className="kpi__label">
        {remaining !== null && remaining < 0 ? t('crisis.kpis.updateLate') : t('crisis.kpis.nextUpdate')}
      </span>
      <span className={remaining === null ? 'kpi__value kpi__value--words' : 'kpi__value'}>
        {remaining === null
          ? t('crisis.kpis.cadenceNone')
          : // Late: the label says so; the value is how long ("overdue 13 h 55", not "−13 h 55").
            formatCountdown(Math.abs(remaining), units)}
      </span>
      <span className="kpi__hint">
        {minutes === null ? t('crisis.kpis.noCadence') : t('crisis.kpis.cadence', { minutes })}
      </span>
    </div>
  );
}

/**
 * Once per due time, when the reminder enters its warning window: a notice in the war-room, and a
 * system notification when the user allowed them.
 */
function useCadenceNotification(dueAt: number | null, warn: boolean, text: string): void {
  const notified = useRef<number | null>(null);
  useEffect(() => {
    if (!warn || dueAt === null || notified.current === dueAt) return;
    notified.current = dueAt;
    useCrisisStore.setState({
      notice: { key: 'crisis.kpis.cadenceNotification', tone: 'error', at: Date.now() },
    });
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification('Vigie', { body: text });
    }
  }, [warn, dueAt, text]);
}

function ClockKpi({ clock, now }: { clock: ClockView; now: number }) {
  const { t, i18n } = useTranslation();
  const units = { h: t('crisis.units.h'), d: t('crisis.units.d') };
  const label = i18n.language.startsWith('en') ? clock.label.en : clock.label.fr;
  const remaining = clock.deadlineAt === null ? null : clock.deadlineAt - now;
  const state =
    clock.metAt !== null ? 'met' : remaining === null ? 'not_started' : remaining < 0 ? 'expired' : 'running';
  const tone =
    state === 'expired' || state === 'not_started'
      ? 'kpi kpi--alarm'
      : state === 'running' && remaining! <= clock.durationMs / 4
        ? 'kpi kpi--warn'
        : 'kpi';
  return (
    <div className={tone} data-testid={`kpi-clock-${clock.clockId}`} data-state={state}>
      <span className="kpi__label" title={label}>
        {label}
      </span>
      {/* Words ("À démarrer", "Respecté") in a narrow tile: smaller, and on two lines if need be. */}
      <span
        className={state === 'met' || state === 'not_started' ? 'kpi__value kpi__value--words' : 'kpi__value'}
      >
        {state === 'met'
          ? t('crisis.kpis.clockMet')
          : state === 'not_started'
            ? t('crisis.kpis.clockNotStarted')
            : state === 'expired'
              ? `−${formatCountdown(remaining!, units)}`
              : formatCountdown(remaining!, units)}
      </span>
      <span className="kpi__hint">{t('crisis.kpis.clockHint')}</span>
    </div>
  );
}
