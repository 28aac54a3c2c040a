import type { Database } from 'better-sqlite3';
import {
  parseRequest,
  type CallName,
  type CallResponse,
  type EventName,
  type EventPayload,
  type ParsedRequest,
} from '../../shared/contract';
import type { Incident } from '../../shared/model';
import { loadScenario } from './demo/scenario';
import { DEMO_SOURCE_ID, createDemo, hasDemo, seedDemoIfFirstRun } from './demo/seed';
import { VigieError } from './errors';
import { IncidentsRepo } from './store/incidents-repo';
import { MentionsRepo } from './store/mentions-repo';
import { MetaRepo } from './store/meta-repo';
import { RollupsRepo } from './store/rollups-repo';
import { schemaVersion } from './store/open';
import { SourcesRepo } from './store/sources-repo';
import { Ingestor } from './sync/ingest';
import { DEFAULT_REPLAY_SPEED, ReplaySource } from './sync/sources/replay';
import { Throttle } from './throttle';

export interface ServiceOptions {
  dbPath: string;
  resourcesDir: string;
  mode: 'electron' | 'web' | 'cli';
  version: string;
  /** Open the demo incident with a running replay on a first run. */
  seedDemo: boolean;
  replaySpeed?: number;
  now?: () => number;
}

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
type Handlers = { [N in CallName]: (req: ParsedRequest<N>) => CallResponse<N> };

const HOUR = 3_600_000;
const FOCUS_KEY = 'focus.incident';

/** Implements the contract: one method per call, events through `emit`. Runs inside the core worker. */
export class Service {
  private readonly now: () => number;
  private readonly mentions: MentionsRepo;
  private readonly rollups: RollupsRepo;
  private readonly incidents: IncidentsRepo;
  private readonly meta: MetaRepo;
  readonly ingestor: Ingestor;
  private replay: ReplaySource | null = null;
  private readonly added: Throttle<string>;

  constructor(
    private readonly db: Database,
    private readonly opts: ServiceOptions,
    private readonly emit: Emit,
  ) {
    this.now = opts.now ?? Date.now;
    this.mentions = new MentionsRepo(db);
    this.rollups = new RollupsRepo(db);
    this.incidents = new IncidentsRepo(db);
    this.meta = new MetaRepo(db);
    this.ingestor = new Ingestor(db, this.now);
    this.added = new Throttle<string>(250, (ids) => {
      this.emit('mentions.added', { count: ids.length, ids: ids.slice(-200), latestAt: this.now() });
    });
    if (opts.seedDemo) {
      seedDemoIfFirstRun(
        db,
        loadScenario(opts.resourcesDir),
        opts.replaySpeed ?? DEFAULT_REPLAY_SPEED,
        this.now(),
      );
    }
    this.attachReplay();
    if (opts.replaySpeed && this.replay) this.replay.control({ speed: opts.replaySpeed });
  }

  private attachReplay(): void {
    const row = new SourcesRepo(this.db).get(DEMO_SOURCE_ID);
    this.replay = row
      ? new ReplaySource(
          this.db,
          this.ingestor,
          loadScenario(this.opts.resourcesDir),
          DEMO_SOURCE_ID,
          this.now,
        )
      : null;
  }

  /** Called on a timer by the worker: plays the next slice of the demo stream. */
  tick(): void {
    if (!this.replay) return;
    const ids = this.replay.tick();
    if (ids.length > 0) {
      this.added.push(ids);
      const status = this.replay.status();
      if (status) this.emit('replay.progress', status);
    }
  }

  /** Loads the whole demo at once (the `vigie demo` command). */
  loadDemoNow(): { inserted: number; total: number } {
    const scenario = loadScenario(this.opts.resourcesDir);
    if (!hasDemo(this.db)) {
      if (!new SourcesRepo(this.db).get(DEMO_SOURCE_ID))
        createDemo(this.db, scenario, DEFAULT_REPLAY_SPEED, this.now());
      else this.meta.set(FOCUS_KEY, 'demo');
    }
    this.attachReplay();
    const ids = this.replay!.playAll();
    return { inserted: ids.length, total: scenario.items.length };
  }

  dispatch(name: CallName, params: unknown): unknown {
    const handler = this.handlers[name] as ((req: unknown) => unknown) | undefined;
    if (!handler) throw new VigieError('unknown_call', `Unknown call: ${String(name)}`);
    return handler(parseRequest(name, params));
  }

  dispose(): void {
    this.added.flush();
  }

  private focusId(): string | null {
    const id = this.meta.get(FOCUS_KEY);
    if (id && this.incidents.get(id)) return id;
    const first = this.incidents.list().find((i) => i.status !== 'closed') ?? this.incidents.list()[0];
    return first?.id ?? null;
  }

  private requireIncident(id: string): Incident {
    const incident = this.incidents.get(id);
    if (!incident) throw new VigieError('not_found', `No incident with id ${id}.`);
    return incident;
  }

  /** The incident's clock: simulated time while the demo replays, wall time otherwise. */
  private clock(): number {
    const st = this.replay?.status();
    return st && st.done < st.total ? st.simulatedNow : this.now();
  }

  private readonly handlers: Handlers = {
    'app.info': () => ({
      version: this.opts.version,
      dbPath: this.opts.dbPath,
      schemaVersion: schemaVersion(this.db),
      mode: this.opts.mode,
    }),
    'incidents.list': () => ({ items: this.incidents.list(), focusId: this.focusId() }),
    'incidents.focus': ({ id }) => {
      const incident = this.requireIncident(id);
      this.meta.set(FOCUS_KEY, id);
      this.emit('incidents.changed', { focusId: id });
      return incident;
    },
    'incidents.close': ({ id }) => {
      this.requireIncident(id);
      this.incidents.close(id, this.now(), 'local');
      if (id === 'demo') this.replay?.control({ running: false });
      this.emit('incidents.changed', { focusId: this.focusId() });
      return this.requireIncident(id);
    },
    'incidents.delete': ({ id }) => {
      const incident = this.requireIncident(id);
      this.db.transaction(() => {
        if (incident.isDemo) {
          for (const sourceId of this.incidents.sourceIds(id)) {
            this.mentions.deleteBySource(sourceId);
            new SourcesRepo(this.db).delete(sourceId);
          }
          rebuildRollups(this.db);
        }
        this.incidents.delete(id);
      })();
      if (incident.isDemo) this.replay = null;
      this.emit('incidents.changed', { focusId: this.focusId() });
      return { deleted: true };
    },
    'warroom.counters': () => {
      const clock = this.clock();
      const totals = this.rollups.totals();
      const lastHour = this.rollups.countBetween(clock - HOUR, clock + 60_000).count;
      const last10 = this.rollups.countBetween(clock - 10 * 60_000, clock + 60_000).count;
      return {
        total: totals.count,
        reach: totals.reach,
        lastHour,
        perMinute: Math.round((last10 / 10) * 10) / 10,
        latestAt: this.mentions.latestAt(),
        clock,
      };
    },
    'timeline.volume': ({ from, to, bucketMinutes }) => this.rollups.volume(from, to, bucketMinutes),
    'mentions.list': (q) => ({ items: this.mentions.list(q) }),
    'replay.status': () => this.replay?.status() ?? null,
    'replay.control': (opts) => {
      this.replay?.control(opts);
      return this.replay?.status() ?? null;
    },
  };
}

/** Rollups are derived data: after bulk deletes, recompute them from the mentions table. */
export function rebuildRollups(db: Database): void {
  db.exec(`
    DELETE FROM rollup_minute;
    INSERT INTO rollup_minute(minute, platform, count, neg, neu, pos, toxic, reach)
    SELECT (created_at / 60000) * 60000, platform, COUNT(*),
      COALESCE(SUM(sentiment < -0.05), 0), COALESCE(SUM(sentiment BETWEEN -0.05 AND 0.05), 0),
      COALESCE(SUM(sentiment > 0.05), 0), COALESCE(SUM(toxicity >= 0.5), 0), SUM(reach)
    FROM mentions GROUP BY 1, 2;`);
}
