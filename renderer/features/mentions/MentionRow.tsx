import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SENTIMENT_NEUTRAL_BAND, TOXIC_THRESHOLD } from '../../../shared/thresholds';
import type { TriageMention } from '../../../shared/crisis-model';
import { useCrisisStore } from '../crisis/store';
import { splitHighlight } from './highlight';
import { MentionStats } from './MentionStats';
import { PlatformBadge } from './PlatformBadge';
import { RelativeTime } from './RelativeTime';
import { SafeLink } from './SafeLink';
import { useFeedStore } from './store';

/** Longer texts are folded to a few lines; the reader can unfold them. */
const FOLD_CHARS = 420;

/**
 * One mention. Everything in it is attacker-controlled: it is rendered as React text nodes only (the
 * search matches as <mark> elements built from segments), and the URL opens only after its full
 * address was shown.
 */
export const MentionRow = memo(function MentionRow({
  mention,
  onOpen,
}: {
  mention: TriageMention;
  onOpen?(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const name = mention.authorName?.trim() || null;
  const long = mention.text.length > FOLD_CHARS;
  const expanded = useFeedStore((s) => long && s.expanded.has(mention.id));
  const focused = useFeedStore((s) => s.focusedId === mention.id);
  const selected = useFeedStore((s) => s.selected.has(mention.id));
  const toggle = useFeedStore((s) => s.toggleExpanded);
  const toggleSelected = useFeedStore((s) => s.toggleSelected);
  const setFilters = useFeedStore((s) => s.setFilters);
  const service = useCrisisStore((s) => s.catalog?.services.find((x) => x.id === mention.routedTo));
  const sentiment =
    mention.sentiment === null
      ? null
      : mention.sentiment < -SENTIMENT_NEUTRAL_BAND
        ? 'negative'
        : mention.sentiment > SENTIMENT_NEUTRAL_BAND
          ? 'positive'
          : 'neutral';
  const toxic = mention.toxicity !== null && mention.toxicity >= TOXIC_THRESHOLD;
  const className = ['mention', focused ? 'mention--focused' : '', selected ? 'mention--selected' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <article
      className={className}
      data-testid="mention-row"
      data-id={mention.id}
      data-platform={mention.platform}
      data-status={mention.status}
      data-focused={focused}
      aria-current={focused ? 'true' : undefined}
      onClick={() => onOpen?.(mention.id)}
    >
      <div className="mention__meta">
        <input
          type="checkbox"
          className="mention__select"
          checked={selected}
          aria-label={t('crisis.triage.select')}
          data-testid="mention-select"
          onClick={(e) => e.stopPropagation()}
          onChange={() => toggleSelected(mention.id)}
        />
        <PlatformBadge platform={mention.platform} />
        <span className="mention__author" data-testid="mention-author" title={name ?? mention.authorHandle}>
          {name ?? mention.authorHandle}
        </span>
        {name && (
          <span className="mention__handle" title={mention.authorHandle}>
            {mention.authorHandle}
          </span>
        )}
        <RelativeTime at={mention.createdAt} />
      </div>
      <p
        className={long && !expanded ? 'mention__text mention__text--folded' : 'mention__text'}
        data-testid="mention-text"
        lang={mention.lang ?? undefined}
      >
        {mention.highlight
          ? splitHighlight(mention.highlight).map((seg, i) =>
              seg.hit ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>,
            )
          : mention.text}
      </p>
      {long && (
        <button
          type="button"
          className="mention__fold"
          aria-expanded={expanded}
          onClick={(e) => {
            e.stopPropagation();
            toggle(mention.id);
          }}
        >
          {expanded ? t('feed.showLess') : t('feed.showMore')}
        </button>
      )}
      <div className="mention__triage">
        <span className={`triage-chip triage-chip--${mention.status}`} data-testid="mention-status">
          {t(`crisis.triage.status.${mention.status}`)}
        </span>
        {mention.assignee && (
          <span className="triage-chip" data-testid="mention-assignee" title={t('crisis.triage.assignedTo')}>
            👤 {mention.assignee}
          </span>
        )}
        {mention.routedTo && (
          <span className="triage-chip triage-chip--routed" data-testid="mention-routed">
            →{' '}
            {service
              ? i18n.language.startsWith('en')
                ? service.label.en
                : service.label.fr
              : mention.routedTo}
          </span>
        )}
        {sentiment && (
          <span
            className={`triage-dot triage-dot--${sentiment}`}
            title={t(`crisis.triage.sentiment.${sentiment}`)}
          >
            <span className="visually-hidden">{t(`crisis.triage.sentiment.${sentiment}`)}</span>
          </span>
        )}
        {toxic && <span className="triage-chip triage-chip--toxic">{t('crisis.triage.toxic')}</span>}
        {mention.clusterId && (
          <button
            type="button"
            className="triage-chip triage-chip--cluster"
            title={t('crisis.triage.sameCluster')}
            onClick={(e) => {
              e.stopPropagation();
              setFilters({ ...useFeedStore.getState().filters, clusterId: mention.clusterId! });
            }}
          >
            {t('crisis.triage.cluster')}
          </button>
        )}
      </div>
      <div className="mention__foot">
        {mention.rating !== null && (
          <span className="mention__rating" title={t('feed.rating', { rating: mention.rating })}>
            <span aria-hidden="true">
              {'★'.repeat(mention.rating)}
              <span className="mention__rating-off">{'★'.repeat(5 - mention.rating)}</span>
            </span>
            <span className="visually-hidden">{t('feed.rating', { rating: mention.rating })}</span>
          </span>
        )}
        {mention.url && <SafeLink url={mention.url} compact />}
        <MentionStats mention={mention} />
      </div>
    </article>
  );
});
