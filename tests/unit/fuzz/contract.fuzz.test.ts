// Every contract call's request schema fed random JSON (parseRequest accepts or throws
// ContractViolation, nothing else), then requests built from each schema (valid-ish: right shape,
// random values) dispatched to a real core worker on a temp store: every call answers a value or a
// {code, message} error, the worker never dies and never throws an unexpected error.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALL_NAMES, ContractViolation, calls, parseRequest, type CallName } from '../../../shared/contract';
import { startCore, type CoreHost } from '../../../main/core/host';
import { RESOURCES, WORKER_FILE, tempDir } from '../../helpers/tmp';
import { RUNS } from './fuzz-helpers';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
};

const odd = fc.constantFrom<unknown>(
  '',
  ' ',
  '\u0000',
  '../../etc/passwd',
  '<script>',
  '"',
  '*',
  'NEAR(',
  -1,
  0,
  1e9,
);

/** A value of roughly the schema's shape: right keys and types, values random within (or just past) bounds. */
function arbitraryFor(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum)
    return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: odd });
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => arbitraryFor(a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) shape[k] = arbitraryFor(v, depth + 1);
      const keys = Object.keys(props).filter((k) => !required.has(k));
      return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) }).map((o) => {
        for (const k of keys) if (!(k in o)) delete (o as Record<string, unknown>)[k];
        return o;
      });
    }
    case 'array':
      return fc.array(arbitraryFor(s.items ?? {}, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'string':
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }),
        },
        {
          weight: 2,
          arbitrary: fc.constantFrom('demo', 'x', 'fr', 'en', 'html', 'csv', 'json', 'mastodon', '1'),
        },
        { weight: 1, arbitrary: odd },
      );
    case 'integer':
    case 'number': {
      const min = Math.max(s.minimum ?? -1e6, -1e12);
      const max = Math.min(s.maximum ?? 1e6, 1e13);
      const inRange =
        type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true });
      return fc.oneof({ weight: 8, arbitrary: inRange }, { weight: 1, arbitrary: odd });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function requestSchema(name: CallName): JsonSchema {
  return z.toJSONSchema(calls[name].request as z.ZodType, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}

describe('contract request schemas', () => {
  it.each(CALL_NAMES)('%s: random JSON is accepted or refused with a ContractViolation', (name) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), arbitraryFor(requestSchema(name)), fc.constant(undefined)),
        (params) => {
          try {
            parseRequest(name, params);
          } catch (err) {
            expect(err).toBeInstanceOf(ContractViolation);
            expect((err as ContractViolation).code).toBe('bad_request');
            expect((err as Error).message.startsWith(`${name}: `)).toBe(true);
          }
        },
      ),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
    );
  });
});

/** Calls that reach the network (the configured baseUrl defaults to the real platforms): not fuzzed here. */
const NETWORK_CALLS = new Set<string>(['sources.test', 'sources.runNow']);

describe('random requests to a real core', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: CoreHost;
  beforeAll(async () => {
    tmp = tempDir('vigie-fuzz-core-');
    core = await startCore({
      dbPath: tmp.file('v.db'),
      workerFile: WORKER_FILE,
      resourcesDir: RESOURCES,
      tickMs: 0,
    });
    await core.loadDemo();
  }, 60_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it(
    'every call answers a value or a {code, message} error, and the worker survives',
    { timeout: 120_000 },
    async () => {
      const names = CALL_NAMES.filter((n) => !NETWORK_CALLS.has(n));
      const arbitraries = Object.fromEntries(names.map((n) => [n, arbitraryFor(requestSchema(n))]));
      const unexpected: string[] = [];
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), arbitraries[name]!)),
          async ([name, params]) => {
            try {
              await core.callRaw(name, params);
              answered++;
            } catch (err) {
              const { code, message } = err as { code?: unknown; message?: unknown };
              expect(typeof code).toBe('string');
              expect(typeof message).toBe('string');
              expect(message).not.toMatch(/\n\s+at /); // no stack trace crosses the boundary
              // 'internal' means a handler threw something it did not mean to: a bug to fix.
              if (code === 'internal' || code === 'core_exit')
                unexpected.push(`${name} ${JSON.stringify(params)}: ${String(message)}`);
            }
          },
        ),
        { numRuns: RUNS * 4 },
      );
      // The worker still answers, and enough random requests got through the schemas to mean something.
      await expect(core.call('app.info', {})).resolves.toMatchObject({ mode: 'cli' });
      expect(answered).toBeGreaterThan(RUNS / 2);
      expect(unexpected).toEqual([]);
    },
  );
});
