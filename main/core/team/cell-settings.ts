// The cell's settings, kept in the meta table: rest-timer and load-score configuration.
import type { Database } from 'better-sqlite3';
import type { TimerConfigView } from '../../../shared/team-model';
import { DEFAULT_LOAD_CONFIG, type LoadConfig } from './load-config';
import { DEFAULT_TIMER_CONFIG, restTimerConfigSchema, type RestTimerConfig } from './rest-timer-config';

export const TIMER_CONFIG_KEY = 'team.timer_config';
export const LOAD_CONFIG_KEY = 'team.load_config';
export const DEMO_SEEDED_KEY = 'team.demo_seeded';

export function metaGet(db: Database, key: string): string | null {
  return (
    (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
    null
  );
}

export function metaSet(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** The cell's rest-timer configuration; the defaults when none is saved or it no longer validates. */
export function readTimerConfig(db: Database): RestTimerConfig {
  const raw = metaGet(db, TIMER_CONFIG_KEY);
  if (!raw) return DEFAULT_TIMER_CONFIG;
  try {
    return restTimerConfigSchema.parse(JSON.parse(raw));
  } catch {
    return DEFAULT_TIMER_CONFIG;
  }
}

/** The cell's load-score configuration, saved values over the defaults. */
export function readLoadConfig(db: Database): LoadConfig {
  const raw = metaGet(db, LOAD_CONFIG_KEY);
  if (!raw) return DEFAULT_LOAD_CONFIG;
  try {
    const partial = JSON.parse(raw) as Partial<LoadConfig>;
    return { ...DEFAULT_LOAD_CONFIG, ...partial };
  } catch {
    return DEFAULT_LOAD_CONFIG;
  }
}

export function configView(c: RestTimerConfig): TimerConfigView {
  return {
    micro: { ...c.micro },
    rest: { ...c.rest },
    maxContinuousDutyMs: c.maxContinuousDutyMs,
    dailyLimitMs: c.dailyLimitMs,
    strict: c.strict,
  };
}
