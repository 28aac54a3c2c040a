// Post-mortem review and its exports.
// Every name here is also listed in shared/call-names/report.ts (checked by tests/unit/contract.test.ts).
import { z } from 'zod';
import {
  exportOptionsSchema,
  exportResultSchema,
  importBundleResultSchema,
  reviewEditsSchema,
  reviewSchema,
} from '../report-model';
import { call } from './call';

const incidentId = z.string().min(1).max(200);

export const reportCalls = {
  /** The review the cell is writing (empty until saved). */
  'report.review.get': call(z.object({ incidentId }).strict(), reviewSchema),
  'report.review.save': call(
    z.object({ incidentId, review: reviewEditsSchema, actor: z.string().max(120).optional() }).strict(),
    reviewSchema,
  ),
  /** The review document in one format: the same bytes the CLI `vigie export` writes. */
  'report.export': call(z.object({ incidentId, options: exportOptionsSchema }).strict(), exportResultSchema),
  /** Restores a JSON bundle (idempotent: a second import changes nothing). */
  'report.importBundle': call(
    z
      .object({
        bundle: z
          .string()
          .min(2)
          .max(512 * 1024 ** 2),
      })
      .strict(),
    importBundleResultSchema,
  ),
} as const;

export const reportEvents = {} as const;
