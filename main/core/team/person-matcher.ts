// Which mentions are about the protected person, and their per-minute counts for the watch.
import type { MinuteCount, ProtectionCase } from './protection-case-model';
import { floorMinute } from './protection-case-journal';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A predicate telling whether a mention is about the person: one of their handles (with or
 * without `@`), their name or a keyword, case- and accent-insensitive, as whole words. Their own
 * posts are not counted. Lookalike characters (homoglyphs) are not matched.
 */
export function personMatcher(
  person: ProtectionCase['person'],
): (m: { text: string; authorHandle?: string | null }) => boolean {
  const handles = person.handles.map((h) => fold(h.handle.replace(/^@/, ''))).filter(Boolean);
  const words = [person.name, ...person.keywords].map((w) => fold(w.trim())).filter((w) => w.length >= 2);
  const terms = [
    ...handles.map((h) => `@?${escapeRe(h)}`),
    ...words.map((w) => escapeRe(w).replace(/\s+/g, '\\s+')),
  ];
  if (terms.length === 0) return () => false;
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}_@.])(?:${terms.join('|')})(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}])`,
    'u',
  );
  const own = new Set(handles);
  return (m) => {
    if (m.authorHandle && own.has(fold(m.authorHandle.replace(/^@/, '')))) return false;
    return re.test(fold(m.text));
  };
}

/** Per-minute counts of the mentions matching `match` (input for `computeBaseline`/`observe`). */
export function countPerMinute<T extends { createdAt: number }>(
  mentions: Iterable<T>,
  match: (m: T) => boolean,
): MinuteCount[] {
  const by = new Map<number, number>();
  for (const m of mentions) {
    if (!match(m)) continue;
    const minute = floorMinute(m.createdAt);
    by.set(minute, (by.get(minute) ?? 0) + 1);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([minute, count]) => ({ minute, count }));
}
