// The suggested level of an incident, from the store: the last window of the stream (rollups,
// crisis terms, alerts) against the hours before it, scored by suggestLevel with the thresholds the
// cell configured (meta `analysis.level_thresholds`, JSON, merged over the defaults).
import type { Database } from 'better-sqlite3';
import type { Suggestion } from '../../../shared/analysis-model';
import { LEVELS, type Level } from '../../../shared/model';
import { MetaRepo } from '../store/meta-repo';
import {
  DEFAULT_LEVEL_THRESHOLDS,
  suggestLevel,
  type LevelInput,
  type LevelSuggestionResult,
  type LevelThresholds,
} from './level';
import { MINUTE } from './spikes';

const BASELINE_MS = 6 * 3_600_000;
export const THRESHOLDS_KEY = 'analysis.level_thresholds';
const dismissedKey = (incidentId: string) => `analysis.dismissed.${incidentId}`;

/** The stream's clock: the end of the newest minute that holds mentions. */
export function streamClock(db: Database): number | null {
  const m = (db.prepare('SELECT MAX(minute) AS m FROM rollup_minute').get() as { m: number | null }).m;
  return m === null ? null : m + MINUTE;
}

export function levelThresholds(db: Database): LevelThresholds {
  const raw = new MetaRepo(db).get(THRESHOLDS_KEY);
  if (!raw) return DEFAULT_LEVEL_THRESHOLDS;
  try {
    const v = JSON.parse(raw) as Partial<LevelThresholds>;
    return { ...DEFAULT_LEVEL_THRESHOLDS, ...v };
  } catch {
    return DEFAULT_LEVEL_THRESHOLDS;
  }
}

export function levelInput(db: Database, from: number, to: number): LevelInput {
  const sums = (a: number, b: number) =>
    db
      .prepare(
        `SELECT COALESCE(SUM(count),0) AS count, COALESCE(SUM(neg),0) AS neg, COALESCE(SUM(toxic),0) AS toxic,
          COALESCE(SUM(aimed),0) AS aimed, COALESCE(SUM(reach),0) AS reach, COALESCE(SUM(crisis),0) AS crisis
         FROM rollup_minute WHERE minute >= ? AND minute < ?`,
      )
      .get(a, b) as {
      count: number;
      neg: number;
      toxic: number;
      aimed: number;
      reach: number;
      crisis: number;
    };
  const w = sums(from, to);
  const before = sums(from - BASELINE_MS, from);
  const minutes = Math.max(1, (to - from) / MINUTE);
  const crisisTerms: Record<string, number> = {};
  const rows = db
    .prepare(
      'SELECT crisis_terms AS t FROM mentions WHERE created_at >= ? AND created_at < ? AND crisis_terms IS NOT NULL',
    )
    .pluck()
    .all(from, to) as string[];
  for (const t of rows) {
    for (const term of JSON.parse(t) as string[]) crisisTerms[term] = (crisisTerms[term] ?? 0) + 1;
  }
  const alerts = (
    db.prepare('SELECT COUNT(*) AS n FROM analysis_alerts WHERE at >= ? AND at < ?').get(from, to) as {
      n: number;
    }
  ).n;
  return {
    perMinute: w.count / minutes,
    baselinePerMinute: before.count / (BASELINE_MS / MINUTE),
    negShare: w.count ? w.neg / w.count : 0,
    toxic: w.toxic,
    targeted: w.aimed,
    reach: w.reach,
    crisisShare: w.count ? w.crisis / w.count : 0,
    crisisTerms,
    alerts,
  };
}

const isLevel = (x: string): x is Level => (LEVELS as readonly string[]).includes(x);

/** The suggestion for one incident over the last `windowMinutes` of the stream. */
export function suggestionFor(
  db: Database,
  incident: { id: string; level: Level },
  windowMinutes: number,
): { view: Suggestion; result: LevelSuggestionResult } | null {
  const to = streamClock(db);
  if (to === null) return null;
  const from = to - windowMinutes * MINUTE;
  const result = suggestLevel(levelInput(db, from, to), levelThresholds(db));
  if (!isLevel(result.level)) return null;
  const dismissed = new MetaRepo(db).get(dismissedKey(incident.id));
  return {
    result,
    view: {
      incidentId: incident.id,
      current: incident.level,
      level: result.level,
      score: result.score,
      reasons: result.reasons,
      at: to,
      windowFrom: from,
      actionable: result.level !== incident.level && result.level !== dismissed,
      dismissed: result.level !== incident.level && result.level === dismissed,
    },
  };
}

/** A dismissed level stays quiet until the analysis suggests another one. */
export function rememberDismissal(db: Database, incidentId: string, level: string): void {
  new MetaRepo(db).set(dismissedKey(incidentId), level);
}
