import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEvent } from '../../../shared/crisis-model';
import { useFormat } from '../../lib/format';
import { useTimelineMarkers } from '../timeline/markers';
import { SafeLink } from '../mentions/SafeLink';
import { colon, describeEvent } from './eventText';
import { NewIncidentDialog } from './NewIncidentDialog';
import { QuickEntry } from './QuickEntry';
import { useCrisisStore } from './store';
import { eventIdOfMarker, markerId, useCrisisMarkers } from './useCrisisMarkers';

const FAMILIES = [
  '',
  'log.*',
  'level.*',
  'checklist.*',
  'statement.*',
  'mention.*',
  'role.*',
  'incident.*',
  'clock.*',
  'protection.*',
  'alert',
];

/** The local calendar day of a time. */
const dayOf = (at: number) => new Date(at).toDateString();

/** The incident's log, newest first, below the timeline: filters, the scribe's box, marker details. */
export function EventLog() {
  useCrisisMarkers();
  const { t, i18n } = useTranslation();
  const state = useCrisisStore((s) => s.state);
  const log = useCrisisStore((s) => s.log);
  const markerEvents = useCrisisStore((s) => s.markerEvents);
  const actors = useCrisisStore((s) => s.logActors);
  const filter = useCrisisStore((s) => s.logFilter);
  const setFilter = useCrisisStore((s) => s.setLogFilter);
  const selectedId = useTimelineMarkers((s) => s.selectedId);
  const select = useTimelineMarkers((s) => s.select);
  const [fromAlert, setFromAlert] = useState<LogEvent | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const selectedEventId = eventIdOfMarker(selectedId);
  const selected =
    selectedEventId === null
      ? null
      : (log.find((e) => e.id === selectedEventId) ??
        markerEvents.find((e) => e.id === selectedEventId) ??
        null);

  // A marker clicked on the chart: bring its line into view.
  useEffect(() => {
    if (selectedEventId === null) return;
    // Scroll the list only (scrollIntoView would also move the panel around it).
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>(`[data-event-id="${selectedEventId}"]`);
    if (list && item) list.scrollTop = Math.max(0, item.offsetTop - list.clientHeight / 2);
  }, [selectedEventId]);

  const f = useFormat();
  // Dates only when the log runs over more than one day (a 36-hour incident reads "18:32" twice).
  const spansDays = log.length > 1 && dayOf(log[0]!.at) !== dayOf(log[log.length - 1]!.at);

  if (!state) return null;
  return (
    <section className="panel event-log" aria-labelledby="event-log-title" data-testid="event-log">
      <header className="panel__head event-log__head">
        <h2 className="panel__title" id="event-log-title">
          {t('crisis.log.title')}
        </h2>
        <div className="event-log__filters">
          <select
            className="select"
            value={filter.family}
            aria-label={t('crisis.log.filterKind')}
            data-testid="log-filter-kind"
            onChange={(e) => setFilter({ family: e.target.value })}
          >
            {FAMILIES.map((k) => (
              <option key={k} value={k}>
                {t(`crisis.log.family.${k.replace(/\.\*$/, '') || 'all'}`)}
              </option>
            ))}
          </select>
          <select
            className="select"
            value={filter.actor}
            aria-label={t('crisis.log.filterActor')}
            onChange={(e) => setFilter({ actor: e.target.value })}
          >
            <option value="">{t('crisis.log.everyone')}</option>
            {actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
      </header>
      {state.incident.status !== 'closed' && <QuickEntry incidentId={state.incident.id} />}
      {selected && (
        <div
          className="event-detail"
          data-testid="event-detail"
          role="region"
          aria-label={t('crisis.log.detail')}
        >
          <EventLine event={selected} detailed />
          <button type="button" className="button button--small" onClick={() => select(null)}>
            {t('crisis.common.close')}
          </button>
        </div>
      )}
      <ol className="event-log__list" ref={listRef} data-testid="event-log-list" data-count={log.length}>
        {log.length === 0 && <li className="crisis-empty">{t('crisis.log.empty')}</li>}
        {log.map((e, i) => (
          <Fragment key={e.id}>
            {/* The log runs over days: a new day gets its date (newest first). */}
            {spansDays && (i === 0 || dayOf(log[i - 1]!.at) !== dayOf(e.at)) && (
              <li className="event-log__day" data-testid="log-day" aria-hidden="true">
                {f.shortDate(e.at)}
              </li>
            )}
            <li
              data-event-id={e.id}
              className={e.id === selectedEventId ? 'event event--selected' : 'event'}
              data-testid="log-event"
              data-kind={e.kind}
            >
              <button type="button" className="event__button" onClick={() => select(markerId(e.id))}>
                <EventLine event={e} />
              </button>
              {(e.kind === 'alert' || e.kind === 'analysis.alert') && (
                <button
                  type="button"
                  className="button button--small event__open"
                  title={t('crisis.incident.openFromAlert')}
                  aria-label={t('crisis.incident.openFromAlert')}
                  onClick={() => setFromAlert(e)}
                >
                  +
                </button>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
      {fromAlert && (
        <NewIncidentDialog
          fromAlert={{
            id: fromAlert.id,
            title: describeEvent(fromAlert, t, i18n.language, null).detail.slice(0, 300),
          }}
          onClose={() => setFromAlert(null)}
        />
      )}
    </section>
  );
}

function EventLine({ event, detailed }: { event: LogEvent; detailed?: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const catalog = useCrisisStore((s) => s.catalog);
  const demo = useCrisisStore((s) => s.state?.incident.isDemo ?? false);
  const d = describeEvent(event, t, i18n.language, catalog, demo ? t('incident.demoTitle') : undefined);
  const data = (event.data ?? {}) as Record<string, unknown>;
  const url = detailed && typeof data.url === 'string' ? data.url : null;
  return (
    <span className={`event__line event__line--${d.family}`}>
      <time className="event__time" dateTime={new Date(event.at).toISOString()} title={f.dateTime(event.at)}>
        {detailed ? f.dateTime(event.at) : f.time(event.at)}
      </time>
      <span className="event__kind">{d.label}</span>
      <span className={detailed ? 'event__text event__text--full' : 'event__text'}>
        {detailed && event.kind === 'mention.pinned' && typeof data.text === 'string'
          ? `@${String(data.authorHandle ?? '').replace(/^@/, '')}${colon(i18n.language)}${data.text}`
          : d.detail}
      </span>
      {event.actor && <span className="event__actor">{event.actor}</span>}
      {url && <SafeLink url={url} />}
    </span>
  );
}
