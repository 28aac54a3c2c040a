// The clock an incident's actions are stamped with. The demo incident lives on the replay's simulated
// time while it plays (its mentions, its chart and its checklist then agree); every other incident,
// and the demo once replayed, on the machine's time.
import type { Database } from 'better-sqlite3';

export const DEMO_REPLAY_SOURCE = 'demo-replay';

/** Simulated time of the demo replay while it has not finished, else null. */
export function replayClock(db: Database): number | null {
  const row = db
    .prepare('SELECT config, cursor, status FROM sources WHERE id = ?')
    .get(DEMO_REPLAY_SOURCE) as { config: string; cursor: string | null; status: string } | undefined;
  if (!row || row.status === 'done') return null;
  try {
    const config = JSON.parse(row.config) as { anchor?: unknown };
    const cursor = row.cursor ? (JSON.parse(row.cursor) as { playedMs?: unknown }) : { playedMs: 0 };
    if (typeof config.anchor !== 'number' || typeof cursor.playedMs !== 'number') return null;
    return config.anchor + cursor.playedMs;
  } catch {
    return null;
  }
}
