// Sources panel: list, save, pause, delete, run now, test connection; the quarantine list.
import { quarantineCodeOf, quarantineDetailOf } from '../../../shared/quarantine';
import type { CoreContext, HandlerGroup } from '../context';
import { VigieError } from '../errors';
import type { SecretSpec } from '../sync/secrets';
import { adapterFor, adapterTypes } from '../sync/sources';
import { toSourceView } from '../sync/source-view';

type SourceCalls =
  | 'sources.list'
  | 'sources.save'
  | 'sources.delete'
  | 'sources.setPaused'
  | 'sources.runNow'
  | 'sources.test'
  | 'sources.setSecret'
  | 'quarantine.list';

export function sourceHandlers(ctx: CoreContext): HandlerGroup<SourceCalls> {
  const view = (id: string) => {
    const row = ctx.sources.get(id);
    if (!row) throw new VigieError('not_found', `No source with id ${id}.`);
    return toSourceView(row);
  };
  const changed = (id: string) => ctx.emit('sources.changed', { ids: [id] });
  const checkConfig = (type: string, config: Record<string, unknown>) => {
    const adapter = adapterFor(type);
    if (!adapter)
      throw new VigieError(
        'bad_config',
        `Unknown source type "${type}" (known: ${adapterTypes().join(', ')}).`,
      );
    const parsed = adapter.configSchema.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new VigieError('bad_config', `${issue?.path.join('.') || 'settings'}: ${issue?.message}`);
    }
    return { adapter, config: parsed.data };
  };

  return {
    'sources.list': () => ({
      items: ctx.sources
        .all()
        .filter((s) => s.type !== 'replay')
        .map(toSourceView),
      types: adapterTypes(),
    }),
    'sources.save': ({ id, type, name, config }) => {
      checkConfig(type, config);
      ctx.sources.upsert({ id, type, name, config }, ctx.now());
      changed(id);
      return view(id);
    },
    'sources.setSecret': ({ id, secret }) => {
      const row = ctx.sources.get(id);
      if (!row) throw new VigieError('not_found', `No source with id ${id}.`);
      ctx.vault.set(id, secret.trim());
      // The typed secret replaces any environment variable or file the source pointed to.
      const config = JSON.parse(row.config) as Record<string, unknown>;
      delete config.tokenEnv;
      delete config.tokenFile;
      ctx.sources.upsert(
        { id, type: row.type, name: row.name, config: { ...config, secretRef: id } },
        ctx.now(),
      );
      changed(id);
      return { stored: true };
    },
    'sources.delete': ({ id }) => {
      const existed = ctx.sources.get(id) !== null;
      ctx.vault.delete(id);
      // Mentions stay: they are evidence, whatever happens to the source that brought them.
      ctx.sources.delete(id);
      changed(id);
      return { deleted: existed };
    },
    'sources.setPaused': ({ id, paused }) => {
      view(id);
      ctx.sources.setStatus(id, paused ? 'paused' : 'idle', null);
      if (!paused) ctx.sources.setNextRun(id, null);
      changed(id);
      return view(id);
    },
    'sources.runNow': async ({ id }) => {
      view(id);
      const report = await ctx.engine.runOnce(id);
      changed(id);
      return {
        sourceId: report.sourceId,
        inserted: report.inserted,
        duplicates: report.duplicates,
        shares: report.shares,
        quarantined: report.quarantined,
        pages: report.pages,
        complete: report.complete,
        status: report.status,
        error: report.error,
        retryAt: report.retryAt,
      };
    },
    'sources.test': async ({ type, config: raw }) => {
      try {
        const { adapter, config } = checkConfig(type, raw);
        const secret = ctx.secrets.resolve(raw as SecretSpec);
        const context = { now: ctx.now(), secret };
        const res = await ctx.http.get(adapter.request(config, adapter.initialState(config), context));
        const page = adapter.parsePage(res, config, adapter.initialState(config), context);
        return {
          ok: true,
          message: `${page.mentions.length} mentions on the first page.`,
          sample: page.mentions.length,
        };
      } catch (err) {
        return { ok: false, message: err instanceof Error ? err.message : String(err), sample: 0 };
      }
    },
    'quarantine.list': ({ limit, sourceId }) => {
      const where = sourceId ? 'WHERE source_id = ?' : '';
      const args = sourceId ? [sourceId] : [];
      const items = ctx.db
        .prepare(
          `SELECT id, source_id, at, reason, code, detail, raw_excerpt, seen_count, last_seen_at FROM quarantine ${where}
           ORDER BY id DESC LIMIT ?`,
        )
        .all(...args, limit) as {
        id: number;
        source_id: string | null;
        at: number;
        reason: string;
        code: string | null;
        detail: string | null;
        raw_excerpt: string;
        seen_count: number;
        last_seen_at: number | null;
      }[];
      const total = (
        ctx.db.prepare(`SELECT COUNT(*) AS n FROM quarantine ${where}`).get(...args) as { n: number }
      ).n;
      return {
        items: items.map((q) => ({
          id: q.id,
          sourceId: q.source_id,
          at: q.at,
          reason: q.reason,
          code: quarantineCodeOf(q.code),
          detail: quarantineDetailOf(q.detail),
          rawExcerpt: q.raw_excerpt,
          seenCount: q.seen_count,
          lastSeenAt: q.last_seen_at,
        })),
        total,
      };
    },
  };
}
