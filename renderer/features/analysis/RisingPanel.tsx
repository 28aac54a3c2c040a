import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { PLATFORM_COLORS } from '../../lib/platforms';
import { useAnalysisStore } from './store';

const TABS = ['terms', 'clusters', 'authors'] as const;
type Tab = (typeof TABS)[number];

/** "What's rising" in the chart's selected window: terms and hashtags, copied messages, loudest authors. */
export function RisingPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const rising = useAnalysisStore((s) => s.rising);
  const [tab, setTab] = useState<Tab>('terms');
  return (
    <div className="rising" data-testid="rising">
      <div className="rising__head">
        <h3 className="analysis__label">{t('analysis.rising.title')}</h3>
        {rising && (
          <span className="rising__window" data-testid="rising-window">
            {t('analysis.rising.window', { from: f.time(rising.from), to: f.time(rising.to) })}
          </span>
        )}
        <div className="segmented segmented--small" role="tablist" aria-label={t('analysis.rising.title')}>
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              className="segmented__option"
              aria-selected={tab === k}
              aria-pressed={tab === k}
              data-testid={`rising-tab-${k}`}
              onClick={() => setTab(k)}
            >
              {t(`analysis.rising.tabs.${k}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="rising__body" role="tabpanel">
        {!rising ? (
          <p className="rising__empty" data-testid="rising-loading">
            {t('analysis.rising.loading')}
          </p>
        ) : rising.total === 0 ? (
          <p className="rising__empty">{t('analysis.rising.empty')}</p>
        ) : tab === 'terms' ? (
          <ul className="rising__chips" data-testid="rising-terms">
            {[...rising.hashtags.slice(0, 3), ...rising.terms].slice(0, 10).map((x) => (
              <li key={x.term} className="chip">
                <span className="chip__term">{x.term}</span>
                <span className="chip__count">{f.integer(x.count)}</span>
              </li>
            ))}
          </ul>
        ) : tab === 'clusters' ? (
          <ul className="rising__list" data-testid="rising-clusters">
            <li className="rising__note">
              {t('analysis.rising.voices', {
                voices: f.integer(rising.voices),
                total: f.integer(rising.total),
              })}
            </li>
            {rising.clusters.slice(0, 4).map((c) => (
              <li key={c.clusterId} className="rising__row">
                <span className="rising__count">{t('analysis.rising.copies', { count: c.copies })}</span>
                <span className="rising__text" title={c.text}>
                  {c.text}
                </span>
                <span className="rising__meta">
                  {t('analysis.rising.share', { share: `${f.decimal(c.share * 100)} %` })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="rising__list" data-testid="rising-authors">
            {rising.authors.slice(0, 5).map((a) => (
              <li key={`${a.platform}:${a.handle}`} className="rising__row">
                <span
                  className="swatch"
                  style={{ background: PLATFORM_COLORS[a.platform] }}
                  aria-hidden="true"
                />
                <span className="rising__text" title={a.handle}>
                  {a.name ?? a.handle}
                </span>
                <span className="rising__meta">
                  {t('analysis.rising.reach', { reach: f.compact(a.reach) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
