// The report feature: the review the cell edits, the exports, and restoring a JSON bundle.
import { actorFor } from '../actor';
import type { CoreContext } from '../context';
import { exportIncident } from '../report/export';
import { importBundle } from '../report/import-bundle';
import { ReviewRepo } from '../report/review-repo';
import type { Feature } from './feature';

type ReportCalls = 'report.review.get' | 'report.review.save' | 'report.export' | 'report.importBundle';

export function reportFeature(ctx: CoreContext): Feature<ReportCalls> {
  const reviews = new ReviewRepo(ctx.db);
  return {
    handlers: {
      'report.review.get': ({ incidentId }) => reviews.get(incidentId),
      'report.review.save': ({ incidentId, review, actor }) =>
        reviews.save(incidentId, review, ctx.now(), actorFor(ctx.db, actor)),
      'report.export': async ({ incidentId, options }) => {
        const brands = ctx.ingestor.context.get().brands ?? [];
        const file = await exportIncident(ctx.db, incidentId, options, {
          now: ctx.now(),
          resourcesDir: ctx.opts.resourcesDir,
          organisation: brands.flatMap((b) => [b.name, ...(b.handles ?? [])]),
        });
        return {
          filename: file.filename,
          mime: file.mime,
          base64: file.bytes.toString('base64'),
          size: file.bytes.length,
        };
      },
      'report.importBundle': ({ bundle }) => {
        const result = importBundle(ctx.db, bundle);
        if (result.created || result.mentionsInserted > 0) ctx.emit('incidents.changed', { focusId: null });
        return result;
      },
    },
  };
}
