// Shared pieces of the fuzz suites: bounded run counts, a hang guard, and structure-aware mutations
// of real fixtures (random leaves of a JSON body replaced, text cut, spliced or repeated).
import fc from 'fast-check';

/** Runs per property: enough to find the usual crashes, few enough to keep `npm test` quick. */
export const RUNS = Number(process.env.VIGIE_FUZZ_RUNS ?? 150);

/** One call may not take longer than this: a hang guard (pathological regex, endless loop), not a benchmark. */
export const HANG_MS = 5_000;

/** Calls fn and fails if it ran longer than the hang guard. */
export function timeBoxed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  const took = performance.now() - start;
  if (took > HANG_MS) throw new Error(`${label} took ${Math.round(took)} ms (hang guard ${HANG_MS} ms)`);
  return value;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths to every node of a JSON value, root excluded. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  const children: Array<[string | number, Json]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    out.push([...prefix, key]);
    paths(child, [...prefix, key], out);
  }
  return out;
}

/** Replaces the nodes picked by `edits` (index modulo the node count) with the given values. */
export function mutateJson(source: Json, edits: Array<[number, Json | undefined]>): Json {
  const copy = structuredClone(source);
  for (const [pick, value] of edits) {
    const all = paths(copy);
    if (all.length === 0) return value ?? null;
    const path = all[pick % all.length]!;
    let parent: Json = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string]!;
    const last = path[path.length - 1]!;
    if (value === undefined) {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, Json>)[last as string];
    } else (parent as Record<string, Json>)[last as string] = value;
  }
  return copy;
}

/** Edits for mutateJson: a few nodes replaced by random JSON, removed, or turned into odd strings. */
export const jsonEdits = fc.array(
  fc.tuple(
    fc.nat(),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
      fc.constant(undefined),
      fc.constantFrom<Json>(
        '',
        '<script>alert(1)</script>',
        'javascript:alert(1)',
        '\u202E',
        -1,
        1e308,
        '1e999',
      ),
    ),
  ),
  { minLength: 1, maxLength: 4 },
);

/** Text-level damage: cut, splice random text in, drop a slice, or repeat a slice. */
export const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary' }) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.nat({ max: 80 }),
    times: fc.nat({ max: 50 }),
  }),
);

export function applyTextEdit(
  text: string,
  edit: typeof textEdit extends fc.Arbitrary<infer E> ? E : never,
): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'cut':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'drop':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + edit.length).repeat(edit.times) + text.slice(at);
  }
}
