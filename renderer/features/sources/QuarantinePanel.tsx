import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineItem } from '../../../shared/model';
import { useFormat } from '../../lib/format';
import { quarantineReasonText } from './quarantineReason';
import { QUARANTINE_LIMIT, useQuarantineStore, useSourcesStore } from './store';

/**
 * Records set aside at import or sync: why, when, from where, and the raw excerpt (plain text, folded).
 * Virtualized: only the visible rows are in the DOM, however many there are.
 */
export function QuarantinePanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const items = useQuarantineStore((s) => s.items);
  const total = useQuarantineStore((s) => s.total);
  const status = useQuarantineStore((s) => s.status);
  const sourceId = useQuarantineStore((s) => s.sourceId);
  const setSource = useQuarantineStore((s) => s.setSource);
  const sources = useSourcesStore((s) => s.items);
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 6,
    getItemKey: (i) => items[i]?.id ?? i,
  });

  return (
    <section className="panel quarantine" aria-labelledby="quarantine-title" data-testid="quarantine">
      <header className="panel__head">
        <div className="panel__titles">
          <h2 className="panel__title" id="quarantine-title">
            {t('sources.quarantine.title')}
          </h2>
          <span className="panel__subtitle" data-testid="quarantine-total" data-total={total}>
            {t('sources.quarantine.total', { count: total, formatted: f.integer(total) })}
            {total > items.length && items.length === QUARANTINE_LIMIT
              ? ` · ${t('sources.quarantine.shown', { count: items.length, formatted: f.integer(items.length) })}`
              : ''}
          </span>
        </div>
        <select
          className="select quarantine__filter"
          value={sourceId ?? ''}
          aria-label={t('sources.quarantine.filter')}
          title={t('sources.quarantine.filter')}
          data-testid="quarantine-source"
          onChange={(e) => setSource(e.target.value || null)}
        >
          <option value="">{t('sources.quarantine.allSources')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </header>
      <div
        ref={scrollRef}
        className="quarantine__scroll"
        role="list"
        aria-label={t('sources.quarantine.list')}
        data-testid="quarantine-list"
        data-count={items.length}
      >
        {items.length === 0 ? (
          <p className="quarantine__empty">
            {status === 'loading'
              ? t('sources.quarantine.loading')
              : status === 'error'
                ? t('sources.quarantine.error')
                : t('sources.quarantine.empty')}
          </p>
        ) : (
          <div className="quarantine__canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index];
              return (
                <div
                  key={v.key}
                  ref={virtualizer.measureElement}
                  data-index={v.index}
                  className="quarantine__item"
                  style={{ transform: `translateY(${v.start}px)` }}
                  role="listitem"
                >
                  {item && (
                    <QuarantineRow
                      item={item}
                      sourceName={sources.find((s) => s.id === item.sourceId)?.name ?? item.sourceId}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}

const QuarantineRow = memo(function QuarantineRow({
  item,
  sourceName,
}: {
  item: QuarantineItem;
  sourceName: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = useQuarantineStore((s) => s.expanded.has(item.id));
  const toggle = useQuarantineStore((s) => s.toggle);
  return (
    <article className="q-row" data-testid="quarantine-row" data-id={item.id}>
      <div className="q-row__meta">
        <time className="q-row__time" dateTime={new Date(item.at).toISOString()} title={f.dateTime(item.at)}>
          {f.dateTime(item.at)}
        </time>
        <span className="q-row__source" title={sourceName ?? undefined}>
          {sourceName ?? t('sources.quarantine.fileImport')}
        </span>
        {item.seenCount > 1 && item.lastSeenAt !== null && (
          <span className="q-row__repeats" data-testid="quarantine-repeats">
            {/* The same day as the first refusal: its time says it, the date is already on the left. */}
            {sameDay(item.at, item.lastSeenAt)
              ? t('sources.quarantine.seenAgainSameDay', {
                  count: item.seenCount,
                  formatted: f.integer(item.seenCount),
                  when: f.time(item.lastSeenAt),
                })
              : t('sources.quarantine.seenAgain', {
                  count: item.seenCount,
                  formatted: f.integer(item.seenCount),
                  when: f.dateTime(item.lastSeenAt),
                })}
          </span>
        )}
        <button
          type="button"
          className="q-row__toggle"
          aria-expanded={open}
          data-testid="quarantine-toggle"
          onClick={() => toggle(item.id)}
        >
          {open ? t('sources.quarantine.hideExcerpt') : t('sources.quarantine.showExcerpt')}
        </button>
      </div>
      <p
        className="q-row__reason"
        data-testid="quarantine-reason"
        data-code={item.code ?? undefined}
        title={item.code ? item.reason : undefined}
      >
        {quarantineReasonText(t, item)}
      </p>
      {open && item.code && (
        <p className="q-row__tech" data-testid="quarantine-technical">
          {t('sources.quarantine.technical')}{' '}
          <code className="q-row__tech-text" lang="en" data-user-content="">
            {item.reason}
          </code>
        </p>
      )}
      <pre
        className={open ? 'q-row__excerpt' : 'q-row__excerpt q-row__excerpt--folded'}
        data-user-content=""
        data-testid="quarantine-excerpt"
        title={open ? undefined : item.rawExcerpt.slice(0, 500)}
      >
        {item.rawExcerpt}
      </pre>
    </article>
  );
});

/** Whether two instants fall on the same calendar day, in the local time zone the times are shown in. */
function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
