// Implements the contract inside the core worker: handler groups composed into one table, plus the
// internal tasks only the CLI asks for (never reachable from a page).
import type { Database } from 'better-sqlite3';
import { parseRequest, type CallName } from '../../shared/contract';
import { createContext, type CoreContext, type Emit, type Handlers, type ServiceOptions } from './context';
import { DemoController } from './demo/controller';
import { VigieError } from './errors';
import { analysisFeature } from './features/analysis';
import { crisisFeature } from './features/crisis';
import type { Feature } from './features/feature';
import { reportFeature } from './features/report';
import { teamFeature } from './features/team';
import { importHandlers } from './handlers/imports';
import { sourceHandlers } from './handlers/sources';
import { warroomHandlers } from './handlers/warroom';
import { runTask, type TaskName } from './tasks';
import { DropFolder } from './sync/drop-folder';
import { importFile } from './sync/file-import';
import { Scheduler } from './sync/scheduler';
import './sync/sources/all';
import { Throttle } from './throttle';

export type { ServiceOptions } from './context';

export class Service {
  readonly ctx: CoreContext;
  readonly demo: DemoController;
  private readonly handlers: Handlers;
  private readonly features: ReadonlyArray<Feature<never>>;
  private readonly added: Throttle<string>;
  private scheduler: Scheduler | null = null;
  private dropFolder: DropFolder | null = null;

  constructor(db: Database, opts: ServiceOptions, emit: Emit) {
    this.ctx = createContext(db, opts, emit);
    this.demo = new DemoController(this.ctx);
    const analysis = analysisFeature(this.ctx);
    const crisis = crisisFeature(this.ctx);
    const team = teamFeature(this.ctx);
    const report = reportFeature(this.ctx);
    this.features = [analysis, crisis, team, report] as ReadonlyArray<Feature<never>>;
    this.handlers = {
      ...warroomHandlers(this.ctx, this.demo),
      ...sourceHandlers(this.ctx),
      ...importHandlers(this.ctx),
      ...analysis.handlers,
      ...crisis.handlers,
      ...team.handlers,
      ...report.handlers,
    };
    this.added = new Throttle<string>(250, 200, (ids, count) => {
      emit('mentions.added', { count, ids, latestAt: this.latestAt() });
    });
    // Every path that stores mentions (sync, imports, drop folder, demo replay) goes through the
    // ingestor: the one place that tells the features and the pages.
    this.ctx.ingestor.onStored((ids) => {
      for (const feature of this.features) feature.onMentionsAdded?.(ids);
      this.added.push(ids);
    });
  }

  /** Creation time of the newest stored mention (the clock of the stream, not of the machine). */
  private latestAt(): number {
    return this.ctx.mentions.latestAt() ?? this.ctx.now();
  }

  /** Live mode (app, web): background sync of the configured sources. */
  startScheduler(): void {
    this.scheduler = new Scheduler(this.ctx.engine, this.ctx.sources, {
      now: this.ctx.now,
      onReport: (report) => this.ctx.emit('sources.changed', { ids: [report.sourceId] }),
    });
    this.scheduler.start();
  }

  /** Live mode: imports files dropped into the configured folder. */
  async startDropFolder(folder: string): Promise<void> {
    const { ctx } = this;
    this.dropFolder = new DropFolder({
      folder,
      importOne: (file) =>
        importFile(file, 'auto', {
          ingestor: ctx.ingestor,
          now: ctx.now,
          onProgress: (p) => ctx.emit('import.progress', p),
        }),
    });
    await this.dropFolder.start();
  }

  /** Called on a timer by the worker: features' timers, then the next slice of the demo stream. */
  tick(): void {
    const now = this.ctx.now();
    for (const feature of this.features) feature.tick?.(now);
    if (this.demo.tick().length === 0) return;
    const status = this.demo.status();
    if (status) this.ctx.emit('replay.progress', status);
  }

  /** Loads ahead what the first visit would otherwise wait for (the playbook library: YAML, checks). */
  warmUp(): void {
    for (const feature of this.features) feature.warmUp?.();
  }

  dispatch(name: CallName, params: unknown): unknown {
    const handler = this.handlers[name] as ((req: unknown) => unknown) | undefined;
    if (!handler) throw new VigieError('unknown_call', `Unknown call: ${String(name)}`);
    return handler(parseRequest(name, params));
  }

  task(name: TaskName, args: unknown): Promise<unknown> {
    return runTask(this, name, args);
  }

  dispose(): void {
    for (const feature of this.features) feature.dispose?.();
    void this.dropFolder?.stop();
    this.scheduler?.stop();
    this.added.flush();
    void this.ctx.ingestor.close();
  }
}
