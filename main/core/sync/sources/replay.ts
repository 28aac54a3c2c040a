import type { Database } from 'better-sqlite3';
import type { ReplayStatus } from '../../../../shared/model';
import type { Scenario, ScenarioItem } from '../../demo/scenario';
import { SourcesRepo } from '../../store/sources-repo';
import type { Ingestor, NewMention } from '../ingest';

/** The whole 36-hour storm plays in about three minutes by default. */
export const DEFAULT_REPLAY_SPEED = 720;

interface ReplayConfig {
  /** Wall-clock time that scenario offset 0 maps to. */
  anchor: number;
  speed: number;
}
interface ReplayCursor {
  /** Index of the next scenario item to ingest. */
  index: number;
  /** Scenario time already played, in ms. */
  playedMs: number;
}

export function scenarioItemToMention(item: ScenarioItem, anchor: number): NewMention {
  const { offsetMs, ...rest } = item;
  return { ...rest, createdAt: anchor + offsetMs };
}

/**
 * Replays the demo scenario into the store as if it were a live source. Progress lives in the
 * source's cursor, written in the same transaction as the mentions, so a restart resumes exactly.
 */
export class ReplaySource {
  private readonly sources: SourcesRepo;
  private lastTick: number | null = null;

  constructor(
    db: Database,
    private readonly ingestor: Ingestor,
    private readonly scenario: Scenario,
    readonly sourceId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.sources = new SourcesRepo(db);
  }

  static create(db: Database, sourceId: string, scenario: Scenario, speed: number, now: number): void {
    const config: ReplayConfig = { anchor: now - scenario.meta.durationMs, speed };
    new SourcesRepo(db).create(
      { id: sourceId, type: 'replay', name: 'Demo replay', config, status: 'running' },
      now,
    );
    new SourcesRepo(db).setCursor(
      sourceId,
      JSON.stringify({ index: 0, playedMs: 0 } satisfies ReplayCursor),
      now,
    );
  }

  private state(): { config: ReplayConfig; cursor: ReplayCursor; status: string } | null {
    const row = this.sources.get(this.sourceId);
    if (!row) return null;
    const cursor = row.cursor ? (JSON.parse(row.cursor) as ReplayCursor) : { index: 0, playedMs: 0 };
    return { config: JSON.parse(row.config) as ReplayConfig, cursor, status: row.status };
  }

  /** Advances scenario time by the wall time since the last tick; returns the ids that landed. */
  tick(): string[] {
    const st = this.state();
    const wall = this.now();
    const elapsed = this.lastTick === null ? 0 : Math.max(0, wall - this.lastTick);
    this.lastTick = wall;
    if (!st || st.status !== 'running') return [];
    const playedMs = Math.min(this.scenario.meta.durationMs, st.cursor.playedMs + elapsed * st.config.speed);
    return this.advanceTo(st.config, st.cursor, playedMs);
  }

  /** Plays everything at once (`vigie demo`). */
  playAll(): string[] {
    const st = this.state();
    if (!st) return [];
    return this.advanceTo(st.config, st.cursor, this.scenario.meta.durationMs);
  }

  private advanceTo(config: ReplayConfig, cursor: ReplayCursor, playedMs: number): string[] {
    const items = this.scenario.items;
    let end = cursor.index;
    while (end < items.length && items[end]!.offsetMs <= playedMs) end++;
    const batch = items.slice(cursor.index, end).map((it) => scenarioItemToMention(it, config.anchor));
    const next: ReplayCursor = { index: end, playedMs };
    const result = this.ingestor.ingest(batch, this.sourceId, JSON.stringify(next));
    if (end >= items.length && playedMs >= this.scenario.meta.durationMs)
      this.sources.setStatus(this.sourceId, 'done');
    return result.inserted;
  }

  control(opts: { running?: boolean; speed?: number }): void {
    const st = this.state();
    if (!st) return;
    if (opts.speed !== undefined) this.sources.setConfig(this.sourceId, { ...st.config, speed: opts.speed });
    if (opts.running !== undefined && st.status !== 'done') {
      this.sources.setStatus(this.sourceId, opts.running ? 'running' : 'paused');
      this.lastTick = null;
    }
  }

  status(): ReplayStatus | null {
    const st = this.state();
    if (!st) return null;
    return {
      sourceId: this.sourceId,
      running: st.status === 'running',
      speed: st.config.speed,
      done: st.cursor.index,
      total: this.scenario.items.length,
      simulatedNow: st.config.anchor + st.cursor.playedMs,
      startsAt: st.config.anchor,
      endsAt: st.config.anchor + this.scenario.meta.durationMs,
    };
  }
}
