// Property-based (fast-check) scaffolding shared by the platform parser tests in tests/unit/sync.
// The properties are the same on every platform: a file format returns a sane result or refuses the
// whole body with a FormatError; a source's parsePage returns a sane page with a storable state or
// throws a SyncError. What "sane" means differs per platform, so each test file keeps its own check
// and passes it in; these functions only run it.
import fc from 'fast-check';
import { expect } from 'vitest';
import { SyncError, type HttpResponse } from '../../main/core/sync/http';
import type { HttpSourceAdapter, PageOutcome } from '../../main/core/sync/source-adapter';
import { FormatError, type ParseResult } from '../../main/core/sync/types';

type Parse = (text: string) => ParseResult;
type Check = (r: ParseResult) => void;

/** Parses text: the result must pass check, and a FormatError is the only throw allowed. */
export function expectResultOrFormatError(parse: Parse, check: Check, text: string): void {
  let result: ParseResult;
  try {
    result = parse(text);
  } catch (err) {
    // Refusing a body that is not this format at all is fine; any other throw is a parser bug.
    if (err instanceof FormatError) return;
    throw err;
  }
  check(result);
}

/** Random text, then random JSON text: each a checked result or a FormatError. */
export function fuzzTextAndJson(opts: { parse: Parse; check: Check; numRuns: number }): void {
  const { parse, check, numRuns } = opts;
  // Two runs: fc.string() rarely makes valid JSON, fc.json() reaches the parser's structure checks.
  for (const text of [fc.string(), fc.json()]) {
    fc.assert(
      fc.property(text, (s) => expectResultOrFormatError(parse, check, s)),
      { numRuns },
    );
  }
}

/** A real saved body cut, with random text spliced in at a random place: a checked result or a FormatError. */
export function fuzzSplicedText(opts: { text: string; parse: Parse; check: Check; numRuns: number }): void {
  const { text, parse, check, numRuns } = opts;
  fc.assert(
    fc.property(fc.nat(text.length), fc.nat(200), fc.string({ maxLength: 20 }), (at, cut, insert) => {
      expectResultOrFormatError(parse, check, text.slice(0, at) + insert + text.slice(at + cut));
    }),
    { numRuns },
  );
}

/**
 * A 200 response with a random body (JSON or not) given to source.parsePage from each of states: a page
 * that passes check and whose state survives a JSON round trip, or a SyncError.
 */
export function fuzzPageBodies<C, S>(opts: {
  source: Pick<HttpSourceAdapter<C, S>, 'parsePage'>;
  config: C;
  states: readonly S[];
  url: string;
  now: number;
  secret: string | null;
  check: (page: PageOutcome<S>) => void;
  numRuns: number;
  /** Response headers when the source reads them (e.g. Mastodon's Link); none by default. */
  headers?: fc.Arbitrary<Headers>;
}): void {
  const { source, config, states, url, now, secret, check, numRuns } = opts;
  // Built per run so that no run sees headers another run touched.
  const headers = opts.headers ?? fc.constant(null).map(() => new Headers());
  fc.assert(
    fc.property(fc.oneof(fc.json(), fc.string()), fc.constantFrom(...states), headers, (body, state, h) => {
      const res: HttpResponse = { status: 200, headers: h, body, url, rateLimit: null };
      let page: PageOutcome<S>;
      try {
        page = source.parsePage(res, config, state, { now, secret });
      } catch (err) {
        // An unreadable body is an error the engine reports; any other throw is a parser bug.
        if (err instanceof SyncError) return;
        throw err;
      }
      check(page);
      // The engine stores the state as JSON with the page: it must come back the same.
      expect(JSON.parse(JSON.stringify(page.state))).toEqual(page.state);
    }),
    { numRuns },
  );
}
