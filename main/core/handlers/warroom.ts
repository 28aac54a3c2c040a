// Incidents, counters, timeline, feed and the demo replay.
import type { Incident } from '../../../shared/model';
import { actorFor } from '../actor';
import type { CoreContext, HandlerGroup } from '../context';
import type { DemoController } from '../demo/controller';
import { VigieError } from '../errors';
import { schemaVersion } from '../store/open';
import { rebuildRollups } from '../store/rollups-repo';

const HOUR = 3_600_000;
const FOCUS_KEY = 'focus.incident';

type WarroomCalls =
  | 'app.info'
  | 'incidents.list'
  | 'incidents.focus'
  | 'incidents.close'
  | 'incidents.delete'
  | 'warroom.counters'
  | 'timeline.volume'
  | 'mentions.list'
  | 'replay.status'
  | 'replay.control';

export function warroomHandlers(ctx: CoreContext, demo: DemoController): HandlerGroup<WarroomCalls> {
  const focusId = (): string | null => {
    const id = ctx.meta.get(FOCUS_KEY);
    if (id && ctx.incidents.get(id)) return id;
    const all = ctx.incidents.list();
    return (all.find((i) => i.status !== 'closed') ?? all[0])?.id ?? null;
  };
  const requireIncident = (id: string): Incident => {
    const incident = ctx.incidents.get(id);
    if (!incident) throw new VigieError('not_found', `No incident with id ${id}.`);
    return incident;
  };
  /** The incident's clock: simulated time while the demo replays, wall time otherwise. */
  const clock = (): number => {
    const st = demo.status();
    return st && st.done < st.total ? st.simulatedNow : ctx.now();
  };

  return {
    'app.info': () => ({
      version: ctx.opts.version,
      dbPath: ctx.opts.dbPath,
      schemaVersion: schemaVersion(ctx.db),
      mode: ctx.opts.mode,
    }),
    'incidents.list': () => ({ items: ctx.incidents.list(), focusId: focusId() }),
    'incidents.focus': ({ id }) => {
      const incident = requireIncident(id);
      ctx.meta.set(FOCUS_KEY, id);
      ctx.emit('incidents.changed', { focusId: id });
      return incident;
    },
    'incidents.close': ({ id }) => {
      requireIncident(id);
      ctx.incidents.close(id, ctx.now(), actorFor(ctx.db));
      if (demo.isDemoIncident(id)) demo.control({ running: false });
      ctx.emit('incidents.changed', { focusId: focusId() });
      return requireIncident(id);
    },
    'incidents.delete': ({ id }) => {
      const incident = requireIncident(id);
      ctx.db.transaction(() => {
        if (incident.isDemo) {
          for (const sourceId of ctx.incidents.sourceIds(id)) {
            ctx.mentions.deleteBySource(sourceId);
            ctx.sources.delete(sourceId);
          }
          rebuildRollups(ctx.db);
        }
        ctx.incidents.delete(id);
      })();
      if (incident.isDemo) demo.detach();
      ctx.emit('incidents.changed', { focusId: focusId() });
      return { deleted: true };
    },
    'warroom.counters': () => {
      const now = clock();
      const totals = ctx.rollups.totals();
      const last10 = ctx.rollups.countBetween(now - 10 * 60_000, now + 60_000).count;
      return {
        total: totals.count,
        reach: totals.reach,
        lastHour: ctx.rollups.countBetween(now - HOUR, now + 60_000).count,
        perMinute: Math.round((last10 / 10) * 10) / 10,
        latestAt: ctx.mentions.latestAt(),
        clock: now,
      };
    },
    'timeline.volume': ({ from, to, bucketMinutes }) => ctx.rollups.volume(from, to, bucketMinutes),
    'mentions.list': (q) => ({ items: ctx.mentions.list(q) }),
    'replay.status': () => demo.status(),
    'replay.control': (opts) => demo.control(opts),
  };
}
