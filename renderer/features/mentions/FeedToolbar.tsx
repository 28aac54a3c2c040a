import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_ORDER, isPlatform } from '../../lib/platforms';
import { FeedFilters } from './FeedFilters';
import { useFeedStore } from './store';

const SEARCH_DEBOUNCE_MS = 300;

/** Full-text search (debounced) and platform filter. */
export function FeedToolbar() {
  const { t } = useTranslation();
  const platform = useFeedStore((s) => s.platform);
  const setPlatform = useFeedStore((s) => s.setPlatform);
  const setSearch = useFeedStore((s) => s.setSearch);
  const [text, setText] = useState(() => useFeedStore.getState().search);
  const activeFilters = useFeedStore((s) => Object.keys(s.filters).length);
  const [showFilters, setShowFilters] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setSearch]);

  return (
    <>
      <div className="feed-toolbar">
        <div className="search">
          <svg className="search__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="m10.5 10.5 3.5 3.5" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <input
            type="search"
            className="search__input"
            value={text}
            maxLength={200}
            placeholder={t('feed.searchPlaceholder')}
            aria-label={t('feed.search')}
            data-testid="feed-search"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setText('');
              if (e.key === 'Enter') setSearch(text.trim());
              // Down arrow hands the keyboard back to the list (j/k, a, r, h, p).
              if (e.key === 'ArrowDown' || (e.key === 'Enter' && text.trim())) {
                document.querySelector<HTMLElement>('[data-testid="feed-list"]')?.focus();
              }
            }}
          />
          {text && (
            <button
              type="button"
              className="search__clear"
              aria-label={t('feed.clearSearch')}
              title={t('feed.clearSearch')}
              onClick={() => setText('')}
            >
              ×
            </button>
          )}
        </div>
        <select
          className="select"
          value={platform ?? ''}
          aria-label={t('feed.platform')}
          title={t('feed.platform')}
          data-testid="feed-platform"
          onChange={(e) => setPlatform(isPlatform(e.target.value) ? e.target.value : null)}
        >
          <option value="">{t('feed.allPlatforms')}</option>
          {PLATFORM_ORDER.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={activeFilters > 0 ? 'button button--small button--active' : 'button button--small'}
          aria-expanded={showFilters || activeFilters > 0}
          data-testid="feed-filters-toggle"
          onClick={() => setShowFilters((v) => !v)}
        >
          {activeFilters > 0
            ? t('crisis.triage.filtersCount', { count: activeFilters })
            : t('crisis.triage.filters')}
        </button>
      </div>
      {(showFilters || activeFilters > 0) && <FeedFilters />}
    </>
  );
}
