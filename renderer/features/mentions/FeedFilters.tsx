import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SentimentClass, TriageFilter } from '../../../shared/crisis-model';
import { api } from '../../api';
import { useCrisisStore } from '../crisis/store';
import { useIncidentNow } from '../crisis/useIncidentNow';
import { MENTION_STATUSES, type MentionStatus } from './statuses';
import { useFeedStore } from './store';

type Filters = Omit<TriageFilter, 'search' | 'platforms'>;
const SENTIMENTS: SentimentClass[] = ['negative', 'neutral', 'positive'];
const TOXICITY = [0.5, 0.8];
const REACH = [1000, 10_000, 100_000];
const WINDOWS = [15, 60, 360, 1440];

/** The triage filters beyond search and platform; each change reloads the feed from the newest. */
export function FeedFilters() {
  const { t, i18n } = useTranslation();
  const filters = useFeedStore((s) => s.filters);
  const setFilters = useFeedStore((s) => s.setFilters);
  const services = useCrisisStore((s) => s.catalog?.services ?? []);
  const local = useCrisisStore((s) => s.state?.localActor ?? '');
  const now = useIncidentNow();
  const [facets, setFacets] = useState<{ languages: string[]; assignees: string[] }>({
    languages: [],
    assignees: [],
  });
  const [timeWindow, setTimeWindow] = useState('');
  const en = i18n.language.startsWith('en');

  useEffect(() => {
    void api
      .call('mentions.facets', {})
      .then(setFacets)
      .catch(() => undefined);
  }, [filters]);

  const change = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined) delete next[k];
    setFilters(next);
  };
  const assignees = [...new Set([local, ...facets.assignees])].filter(Boolean);
  return (
    <div className="feed-filters" data-testid="feed-filters">
      <select
        className="select"
        value={filters.sentiment ?? ''}
        aria-label={t('crisis.triage.filter.sentiment')}
        title={t('crisis.triage.filter.sentiment')}
        data-testid="filter-sentiment"
        onChange={(e) => change({ sentiment: (e.target.value || undefined) as SentimentClass | undefined })}
      >
        <option value="">{t('crisis.triage.filter.anySentiment')}</option>
        {SENTIMENTS.map((s) => (
          <option key={s} value={s}>
            {t(`crisis.triage.sentiment.${s}`)}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={filters.statuses?.[0] ?? ''}
        aria-label={t('crisis.triage.filter.status')}
        title={t('crisis.triage.filter.status')}
        data-testid="filter-status"
        onChange={(e) => change({ statuses: e.target.value ? [e.target.value as MentionStatus] : undefined })}
      >
        <option value="">{t('crisis.triage.filter.anyStatus')}</option>
        {MENTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`crisis.triage.status.${s}`)}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={filters.assignee ?? '*'}
        aria-label={t('crisis.triage.filter.assignee')}
        title={t('crisis.triage.filter.assignee')}
        data-testid="filter-assignee"
        onChange={(e) => change({ assignee: e.target.value === '*' ? undefined : e.target.value })}
      >
        <option value="*">{t('crisis.triage.filter.anyAssignee')}</option>
        <option value="">{t('crisis.triage.filter.unassigned')}</option>
        {assignees.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={filters.routedTo ?? ''}
        aria-label={t('crisis.triage.filter.service')}
        title={t('crisis.triage.filter.service')}
        data-testid="filter-service"
        onChange={(e) => change({ routedTo: e.target.value || undefined })}
      >
        <option value="">{t('crisis.triage.filter.anyService')}</option>
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {en ? s.label.en : s.label.fr}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={filters.minToxicity ?? ''}
        aria-label={t('crisis.triage.filter.toxicity')}
        title={t('crisis.triage.filter.toxicity')}
        onChange={(e) => change({ minToxicity: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('crisis.triage.filter.anyToxicity')}</option>
        {TOXICITY.map((v) => (
          <option key={v} value={v}>
            {t('crisis.triage.filter.toxicityAtLeast', { value: Math.round(v * 100) })}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={filters.lang ?? ''}
        aria-label={t('crisis.triage.filter.language')}
        title={t('crisis.triage.filter.language')}
        onChange={(e) => change({ lang: e.target.value || undefined })}
      >
        <option value="">{t('crisis.triage.filter.anyLanguage')}</option>
        {facets.languages.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={filters.minReach ?? ''}
        aria-label={t('crisis.triage.filter.reach')}
        title={t('crisis.triage.filter.reach')}
        onChange={(e) => change({ minReach: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('crisis.triage.filter.anyReach')}</option>
        {REACH.map((v) => (
          <option key={v} value={v}>
            {t('crisis.triage.filter.reachAtLeast', { value: v.toLocaleString(en ? 'en-GB' : 'fr-FR') })}
          </option>
        ))}
      </select>
      <select
        className="select"
        value={timeWindow}
        aria-label={t('crisis.triage.filter.window')}
        title={t('crisis.triage.filter.window')}
        onChange={(e) => {
          setTimeWindow(e.target.value);
          const minutes = Number(e.target.value);
          change({ from: e.target.value ? now - minutes * 60_000 : undefined });
        }}
      >
        <option value="">{t('crisis.triage.filter.anyTime')}</option>
        {WINDOWS.map((m) => (
          <option key={m} value={m}>
            {t(`crisis.triage.filter.last.${m}`)}
          </option>
        ))}
      </select>
      {filters.clusterId && (
        <button
          type="button"
          className="triage-chip triage-chip--cluster"
          onClick={() => change({ clusterId: undefined })}
        >
          {t('crisis.triage.filter.clusterOn')} ×
        </button>
      )}
      {Object.keys(filters).length > 0 && (
        <button
          type="button"
          className="button button--small button--ghost"
          data-testid="filter-reset"
          onClick={() => {
            setTimeWindow('');
            setFilters({});
          }}
        >
          {t('crisis.triage.filter.reset')}
        </button>
      )}
    </div>
  );
}
