// The WHERE clause of the triage feed, built from the filters a person sets (values always bound as
// parameters). Sentiment classes use the neutral band of the ingest rollups, so the feed and the
// timeline count the same mentions as negative, neutral or positive.
import type { TriageFilter } from '../../../shared/crisis-model';
import { SENTIMENT_NEUTRAL_BAND } from '../../../shared/thresholds';
import { toFtsQuery } from './fts-query';

export interface TriageQuery {
  limit: number;
  before?: { createdAt: number; id: string };
  filter: TriageFilter;
}

export interface TriageSql {
  from: string;
  where: string[];
  args: Record<string, unknown>;
  search: boolean;
  order: string;
}

export function triageWhere(q: TriageQuery): TriageSql {
  const f = q.filter;
  const where: string[] = [];
  const args: Record<string, unknown> = { limit: q.limit, band: SENTIMENT_NEUTRAL_BAND };
  let from = 'mentions m';
  const fts = f.search ? toFtsQuery(f.search) : null;
  if (fts) {
    from = 'mentions_fts JOIN mentions m ON m.seq = mentions_fts.rowid';
    where.push('mentions_fts MATCH @fts');
    args.fts = fts;
  }
  const list = (name: string, values: readonly string[]) => {
    const keys = values.map((v, i) => {
      args[`${name}${i}`] = v;
      return `@${name}${i}`;
    });
    return keys.join(', ');
  };
  if (f.platforms && f.platforms.length > 0) where.push(`m.platform IN (${list('p', f.platforms)})`);
  if (f.statuses && f.statuses.length > 0) where.push(`m.status IN (${list('s', f.statuses)})`);
  if (f.sentiment === 'negative') where.push('m.sentiment < -@band');
  else if (f.sentiment === 'positive') where.push('m.sentiment > @band');
  else if (f.sentiment === 'neutral')
    where.push('(m.sentiment IS NULL OR m.sentiment BETWEEN -@band AND @band)');
  if (f.minToxicity !== undefined && f.minToxicity > 0) {
    where.push('m.toxicity >= @tox');
    args.tox = f.minToxicity;
  }
  if (f.lang) {
    where.push('m.lang = @lang');
    args.lang = f.lang;
  }
  if (f.minReach !== undefined && f.minReach > 0) {
    where.push('m.reach >= @reach');
    args.reach = f.minReach;
  }
  if (f.assignee !== undefined) {
    if (f.assignee === '') where.push('m.assignee IS NULL');
    else {
      where.push('m.assignee = @assignee');
      args.assignee = f.assignee;
    }
  }
  if (f.routedTo) {
    where.push('m.routed_to = @routed');
    args.routed = f.routedTo;
  }
  if (f.clusterId) {
    where.push('m.cluster_id = @cluster');
    args.cluster = f.clusterId;
  }
  if (f.from !== undefined) {
    where.push('m.created_at >= @from');
    args.from = f.from;
  }
  if (f.to !== undefined) {
    where.push('m.created_at <= @to');
    args.to = f.to;
  }
  if (q.before && fts) {
    // A search pages in the order the index stores its matches: rowids are time keys
    // (store/time-key.ts), so FTS5 walks its doclists backwards, newest first, and stops at the page
    // size instead of sorting every match.
    where.push('mentions_fts.rowid < (SELECT seq FROM mentions WHERE id = @beforeId)');
    args.beforeId = q.before.id;
  } else if (q.before) {
    where.push('(m.created_at, m.id) < (@beforeAt, @beforeId)');
    args.beforeAt = q.before.createdAt;
    args.beforeId = q.before.id;
  }
  const order = fts ? 'mentions_fts.rowid DESC' : 'm.created_at DESC, m.id DESC';
  return { from, where, args, search: Boolean(fts), order };
}
