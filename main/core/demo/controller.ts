// Owns the demo replay inside the core: first-run seeding, live ticks, the one-shot full load.
import type { ReplayStatus } from '../../../shared/model';
import type { CoreContext } from '../context';
import { watchSpikesFrom } from '../analysis/live-spikes';
import { DEFAULT_REPLAY_SPEED, ReplaySource } from '../sync/sources/replay';
import { loadScenario } from './scenario';
import { DEMO_INCIDENT_ID, DEMO_SOURCE_ID, createDemo, hasDemo, seedDemoIfFirstRun } from './seed';

export class DemoController {
  private replay: ReplaySource | null = null;

  constructor(private readonly ctx: CoreContext) {
    const { opts, db } = ctx;
    if (opts.seedDemo) {
      seedDemoIfFirstRun(
        db,
        loadScenario(opts.resourcesDir),
        opts.replaySpeed ?? DEFAULT_REPLAY_SPEED,
        ctx.now(),
      );
    }
    this.attach();
    if (opts.replaySpeed) this.replay?.control({ speed: opts.replaySpeed });
  }

  private attach(): void {
    const row = this.ctx.sources.get(DEMO_SOURCE_ID);
    this.replay = row
      ? new ReplaySource(
          this.ctx.db,
          this.ctx.ingestor,
          loadScenario(this.ctx.opts.resourcesDir),
          DEMO_SOURCE_ID,
          this.ctx.now,
        )
      : null;
  }

  /** Plays the next slice; returns the ids that landed. */
  tick(): string[] {
    return this.replay?.tick() ?? [];
  }

  /** `vigie demo`: the whole scenario and its incident at once (idempotent). */
  loadNow(): { inserted: number; total: number } {
    const scenario = loadScenario(this.ctx.opts.resourcesDir);
    if (!hasDemo(this.ctx.db) && !this.ctx.sources.get(DEMO_SOURCE_ID)) {
      createDemo(this.ctx.db, scenario, DEFAULT_REPLAY_SPEED, this.ctx.now());
    }
    this.attach();
    watchSpikesFrom(this.ctx.db, this.replay!.status()!.startsAt);
    const ids = this.replay!.playAll();
    return { inserted: ids.length, total: scenario.items.length };
  }

  status(): ReplayStatus | null {
    return this.replay?.status() ?? null;
  }

  control(opts: { running?: boolean; speed?: number }): ReplayStatus | null {
    this.replay?.control(opts);
    return this.status();
  }

  isDemoIncident(id: string): boolean {
    return id === DEMO_INCIDENT_ID;
  }

  detach(): void {
    this.replay = null;
  }
}
