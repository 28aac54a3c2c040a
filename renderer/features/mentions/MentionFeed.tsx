import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { FeedToolbar } from './FeedToolbar';
import { MentionList } from './MentionList';
import { useFeedStore } from './store';
import { useFeedLive } from './useFeedLive';
import './mentions.css';

/** The live mention feed panel. */
export function MentionFeed() {
  useFeedLive();
  const { t } = useTranslation();
  const f = useFormat();
  const loaded = useFeedStore((s) => s.items.length);
  return (
    <section className="panel feed" aria-labelledby="feed-title" data-testid="feed">
      <header className="panel__head">
        <div className="panel__titles">
          <h2 className="panel__title" id="feed-title">
            <span className="live-dot" aria-hidden="true" />
            {t('feed.title')}
          </h2>
          <span className="panel__subtitle" data-testid="feed-count">
            {t('feed.count', { count: loaded, formatted: f.integer(loaded) })}
          </span>
        </div>
      </header>
      <FeedToolbar />
      <MentionList />
    </section>
  );
}
