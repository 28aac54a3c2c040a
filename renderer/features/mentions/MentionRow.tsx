import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mention } from '../../../shared/model';
import { displayDomain } from '../../lib/url';
import { MentionStats } from './MentionStats';
import { PlatformBadge } from './PlatformBadge';
import { RelativeTime } from './RelativeTime';
import { useFeedStore } from './store';

/** Longer texts are folded to a few lines; the reader can unfold them. */
const FOLD_CHARS = 420;

/**
 * One mention. Everything in it is attacker-controlled: it is rendered as React text nodes only, and
 * the URL is shown as a bare domain, never as a link.
 */
export const MentionRow = memo(function MentionRow({ mention }: { mention: Mention }) {
  const { t } = useTranslation();
  const domain = displayDomain(mention.url);
  const name = mention.authorName?.trim() || null;
  const long = mention.text.length > FOLD_CHARS;
  const expanded = useFeedStore((s) => long && s.expanded.has(mention.id));
  const toggle = useFeedStore((s) => s.toggleExpanded);
  return (
    <article
      className="mention"
      data-testid="mention-row"
      data-id={mention.id}
      data-platform={mention.platform}
    >
      <div className="mention__meta">
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
        {mention.text}
      </p>
      {long && (
        <button
          type="button"
          className="mention__fold"
          aria-expanded={expanded}
          onClick={() => toggle(mention.id)}
        >
          {expanded ? t('feed.showLess') : t('feed.showMore')}
        </button>
      )}
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
        {domain && (
          <span className="mention__domain" data-testid="mention-domain">
            {domain}
          </span>
        )}
        <MentionStats mention={mention} />
      </div>
    </article>
  );
});
