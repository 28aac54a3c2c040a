import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { BulkBar } from './BulkBar';
import { MentionRow } from './MentionRow';
import { NewMentionsPill } from './NewMentionsPill';
import { FEED_CAP, useFeedStore } from './store';
import { AssignDialog, RouteDialog } from './TriageDialogs';
import { useTriageKeys } from './useTriageKeys';

/** Within this many pixels of the top, the reader is "at the top" and new mentions flow in. */
const TOP_SLACK_PX = 24;
/** Start loading the next older page when the last rendered row is this close to the end. */
const PREFETCH_ROWS = 15;

/** The virtualized feed: only the visible rows are in the DOM, whatever the number of mentions. */
export function MentionList() {
  const { t } = useTranslation();
  const f = useFormat();
  const items = useFeedStore((s) => s.items);
  const status = useFeedStore((s) => s.status);
  const hasMore = useFeedStore((s) => s.hasMore);
  const loadingOlder = useFeedStore((s) => s.loadingOlder);
  const filtered = useFeedStore((s) => Boolean(s.search || s.platform || Object.keys(s.filters).length));
  const scrollRef = useRef<HTMLDivElement>(null);

  const capped = items.length >= FEED_CAP;
  const footer = items.length > 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length + (footer ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 104,
    overscan: 6,
    getItemKey: (i) => items[i]?.id ?? '__footer',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= items.length - PREFETCH_ROWS) void useFeedStore.getState().loadOlder();
  }, [lastIndex, items.length]);

  // A new query (search, platform) starts from the newest mention.
  const generation = useFeedStore((s) => s.generation);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [generation, virtualizer]);

  const scrollTo = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    [virtualizer],
  );
  const focusSearch = useCallback(() => {
    document.querySelector<HTMLInputElement>('[data-testid="feed-search"]')?.focus();
  }, []);
  const keys = useTriageKeys(scrollTo, focusSearch);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (el) useFeedStore.getState().setAtTop(el.scrollTop <= TOP_SLACK_PX);
  }, []);

  // Scroll through the virtualizer (it owns the offset); reaching the top flushes the held mentions.
  const jumpToTop = () => {
    virtualizer.scrollToOffset(0);
    if (scrollRef.current?.scrollTop === 0) useFeedStore.getState().setAtTop(true);
  };

  const footerText = loadingOlder
    ? t('feed.loadingOlder')
    : capped
      ? t('feed.capReached', { limit: f.integer(FEED_CAP) })
      : hasMore
        ? ''
        : filtered
          ? t('feed.endFiltered')
          : t('feed.end');

  return (
    <div className="feed__viewport">
      <BulkBar
        onAssign={(ids) => keys.setDialog({ kind: 'assign', ids })}
        onRoute={(ids) => keys.setDialog({ kind: 'route', ids })}
      />
      <NewMentionsPill onJump={jumpToTop} />
      <div
        ref={scrollRef}
        className="feed__scroll"
        onScroll={onScroll}
        role="feed"
        aria-label={t('feed.list')}
        aria-busy={status === 'loading' || loadingOlder}
        data-testid="feed-list"
        data-loaded={items.length}
        data-status={status}
        tabIndex={0}
        aria-keyshortcuts="j k x a r h e p /"
        onKeyDown={keys.onKeyDown}
      >
        {items.length === 0 ? (
          <p className="feed__empty" data-testid="feed-empty">
            {status === 'loading'
              ? t('feed.loading')
              : status === 'error'
                ? t('feed.error')
                : filtered
                  ? t('feed.noResults')
                  : t('feed.empty')}
          </p>
        ) : (
          <div className="feed__canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((v) => {
              const mention = items[v.index];
              return (
                <div
                  key={v.key}
                  ref={virtualizer.measureElement}
                  data-index={v.index}
                  className="feed__item"
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  {mention ? (
                    <MentionRow mention={mention} onOpen={keys.open} />
                  ) : (
                    <p className="feed__footer" data-testid="feed-footer">
                      {footerText}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {keys.dialog?.kind === 'assign' && <AssignDialog ids={keys.dialog.ids} onClose={keys.closeDialog} />}
      {keys.dialog?.kind === 'route' && <RouteDialog ids={keys.dialog.ids} onClose={keys.closeDialog} />}
    </div>
  );
}
