// The one contract between the renderer and the core: every call and every event, as zod schemas.
// The Electron IPC layer and the web server both validate against it; nothing else crosses.
import { z } from 'zod';
import {
  countersSchema,
  importReportSchema,
  incidentSchema,
  quarantineItemSchema,
  runReportSchema,
  sourceViewSchema,
  mentionSchema,
  platformSchema,
  replayStatusSchema,
  volumeBucketSchema,
} from './model';

import { analysisCalls, analysisEvents } from './contract/analysis';
import { call, empty } from './contract/call';
import { crisisCalls, crisisEvents } from './contract/crisis';
import { reportCalls, reportEvents } from './contract/report';
import { teamCalls, teamEvents } from './contract/team';

/** Calls of the foundation and the sync engine; each feature's calls live in shared/contract/<feature>.ts. */
const coreCalls = {
  'app.info': call(
    empty,
    z.object({
      version: z.string(),
      dbPath: z.string(),
      schemaVersion: z.number().int(),
      mode: z.enum(['electron', 'web', 'cli']),
    }),
  ),
  'incidents.list': call(empty, z.object({ items: z.array(incidentSchema), focusId: z.string().nullable() })),
  'incidents.focus': call(z.object({ id: z.string().min(1) }).strict(), incidentSchema),
  'incidents.close': call(z.object({ id: z.string().min(1) }).strict(), incidentSchema),
  'incidents.delete': call(z.object({ id: z.string().min(1) }).strict(), z.object({ deleted: z.boolean() })),
  'warroom.counters': call(z.object({ since: z.number().int().optional() }).strict(), countersSchema),
  'timeline.volume': call(
    z
      .object({
        from: z.number().int(),
        to: z.number().int(),
        bucketMinutes: z.number().int().min(1).max(1440),
      })
      .strict()
      .refine((r) => r.to > r.from, { message: 'to must be after from' })
      .refine((r) => (r.to - r.from) / (r.bucketMinutes * 60_000) <= 5000, {
        message: 'too many buckets: widen bucketMinutes',
      }),
    z.object({ buckets: z.array(volumeBucketSchema), platforms: z.array(platformSchema) }),
  ),
  'mentions.list': call(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        /** Keyset paging: return mentions strictly older than this (createdAt, id). */
        before: z.object({ createdAt: z.number().int(), id: z.string() }).optional(),
        platform: platformSchema.optional(),
        search: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ items: z.array(mentionSchema) }),
  ),
  'sources.list': call(empty, z.object({ items: z.array(sourceViewSchema), types: z.array(z.string()) })),
  'sources.save': call(
    z
      .object({
        id: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, dot, dash or underscore (64 at most)'),
        type: z.string().min(1).max(40),
        name: z.string().min(1).max(120),
        config: z.record(z.string(), z.unknown()),
      })
      .strict(),
    sourceViewSchema,
  ),
  'sources.delete': call(z.object({ id: z.string().min(1) }).strict(), z.object({ deleted: z.boolean() })),
  'sources.setPaused': call(
    z.object({ id: z.string().min(1), paused: z.boolean() }).strict(),
    sourceViewSchema,
  ),
  'sources.runNow': call(z.object({ id: z.string().min(1) }).strict(), runReportSchema),
  /** Stores a token or API key for a source; it never comes back out through the contract. */
  'sources.setSecret': call(
    z.object({ id: z.string().min(1), secret: z.string().min(1).max(4096) }).strict(),
    z.object({ stored: z.boolean() }),
  ),
  /** Fetches the first page without storing anything: does the source answer, with what. */
  'sources.test': call(
    z.object({ type: z.string().min(1).max(40), config: z.record(z.string(), z.unknown()) }).strict(),
    z.object({ ok: z.boolean(), message: z.string(), sample: z.number().int() }),
  ),
  /** File import in chunks, the same way from Electron and from the browser. */
  'import.begin': call(
    z
      .object({
        name: z.string().min(1).max(255),
        size: z
          .number()
          .int()
          .min(0)
          .max(2 * 1024 ** 3),
        format: z.string().min(1).max(20).default('auto'),
      })
      .strict(),
    z.object({ uploadId: z.string() }),
  ),
  'import.chunk': call(
    z
      .object({
        uploadId: z.string().min(1),
        index: z.number().int().min(0),
        /** base64, at most 192 KiB of file per chunk. */
        data: z.string().max(262_144),
      })
      .strict(),
    z.object({ received: z.number().int() }),
  ),
  'import.commit': call(z.object({ uploadId: z.string().min(1) }).strict(), importReportSchema),
  'quarantine.list': call(
    z
      .object({ limit: z.number().int().min(1).max(500).default(100), sourceId: z.string().optional() })
      .strict(),
    z.object({ items: z.array(quarantineItemSchema), total: z.number().int() }),
  ),
  'replay.status': call(empty, replayStatusSchema.nullable()),
  'replay.control': call(
    z.object({ running: z.boolean().optional(), speed: z.number().min(1).max(100_000).optional() }).strict(),
    replayStatusSchema.nullable(),
  ),
} as const;

export const calls = {
  ...coreCalls,
  ...analysisCalls,
  ...crisisCalls,
  ...teamCalls,
  ...reportCalls,
} as const;

const coreEvents = {
  /** Throttled: a batch of mentions landed in the store. */
  'mentions.added': z.object({
    count: z.number().int(),
    ids: z.array(z.string()),
    latestAt: z.number().int(),
  }),
  'replay.progress': replayStatusSchema,
  'incidents.changed': z.object({ focusId: z.string().nullable() }),
  'sources.changed': z.object({ ids: z.array(z.string()) }),
  'import.progress': z.object({
    file: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    ratePerSecond: z.number(),
  }),
} as const;

export const events = {
  ...coreEvents,
  ...analysisEvents,
  ...crisisEvents,
  ...teamEvents,
  ...reportEvents,
} as const;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallRequest<N extends CallName> = z.input<(typeof calls)[N]['request']>;
export type ParsedRequest<N extends CallName> = z.output<(typeof calls)[N]['request']>;
export type CallResponse<N extends CallName> = z.output<(typeof calls)[N]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** Errors cross the boundary as data, never as stack traces. */
export const errorSchema = z.object({ code: z.string(), message: z.string() });
export type ContractError = z.infer<typeof errorSchema>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

/** Parses a request; throws a ContractViolation with a readable message. */
export function parseRequest<N extends CallName>(name: N, params: unknown): ParsedRequest<N> {
  const result = calls[name].request.safeParse(params ?? {});
  if (!result.success) {
    const detail = result.error.issues
      .map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`)
      .join('; ');
    throw new ContractViolation('bad_request', `${name}: ${detail}`);
  }
  return result.data as ParsedRequest<N>;
}

export class ContractViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The one client interface the renderer sees, whatever the transport. */
export interface VigieApi {
  call<N extends CallName>(name: N, params: CallRequest<N>): Promise<CallResponse<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
