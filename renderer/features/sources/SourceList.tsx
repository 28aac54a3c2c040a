import { useTranslation } from 'react-i18next';
import { SourceCard } from './SourceCard';
import { useSourcesStore } from './store';
import { useNow } from './useNow';

/** The configured sources, each as a card, with the button that adds one. */
export function SourceList() {
  const { t } = useTranslation();
  const items = useSourcesStore((s) => s.items);
  const status = useSourcesStore((s) => s.status);
  const openEditor = useSourcesStore((s) => s.openEditor);
  const now = useNow();
  return (
    <section className="panel sources-list" aria-labelledby="sources-list-title" data-testid="sources-list">
      <header className="panel__head">
        <div className="panel__titles">
          <h2 className="panel__title" id="sources-list-title">
            {t('sources.list.title')}
          </h2>
          {status === 'ready' && (
            <span className="panel__subtitle" data-testid="sources-count">
              {t('sources.list.count', { count: items.length })}
            </span>
          )}
        </div>
        <button
          type="button"
          className="button button--primary"
          data-testid="source-add"
          onClick={() => openEditor({ mode: 'add' })}
        >
          <span aria-hidden="true">+</span> {t('sources.list.add')}
        </button>
      </header>
      <div className="sources-list__scroll" data-status={status}>
        {items.length > 0 ? (
          items.map((source) => <SourceCard key={source.id} source={source} now={now} />)
        ) : (
          <div className="sources-list__empty" data-testid="sources-empty">
            {status === 'loading' ? (
              <p>{t('sources.list.loading')}</p>
            ) : status === 'error' ? (
              <p>{t('sources.list.error')}</p>
            ) : (
              <>
                <p className="sources-list__empty-title">{t('sources.list.empty')}</p>
                <p>{t('sources.list.emptyHint')}</p>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
