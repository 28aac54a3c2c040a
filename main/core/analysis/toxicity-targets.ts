// Who a post names: protected people, team members and brand accounts, by handle or by name
// (surnames too for people), matched as whole words; built once per context.
import { fold } from './text';
import type { Person, ToxicityContext } from './toxicity';
import { TokenMemo } from './word-memo';

/** Normalizes a handle for comparison: lowercase, no @. */
function normHandle(h: string): string {
  return h.replace(/^@/, '').toLowerCase();
}

interface NameMatcher {
  label: string;
  handles: Set<string>;
  /** Folded words of the name: the regex only runs when one of them is in the post. */
  words: Set<string>;
  /** Folded full name and surname (4+ letters), matched as whole words. */
  re: RegExp | null;
}

interface Matchers {
  people: NameMatcher[];
  brands: NameMatcher[];
  /** Whether a token is a word of some person's name: a post with none of them names nobody. */
  nameWord: TokenMemo<boolean>;
}

const matcherCache = new WeakMap<object, Matchers>();

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildMatchers(list: Person[] | undefined, surnames: boolean): NameMatcher[] {
  return (list ?? []).map((p) => {
    const name = fold(p.name).trim();
    const parts = name.split(/\s+/).filter(Boolean);
    const alts = [escapeRe(name)];
    const last = parts[parts.length - 1];
    if (surnames && parts.length > 1 && last && last.length >= 4) alts.push(escapeRe(last));
    const handles = new Set<string>();
    for (const h of p.handles ?? []) {
      const n = normHandle(h);
      handles.add(n);
      handles.add(n.split('@')[0]!);
    }
    return {
      label: p.name,
      handles,
      words: new Set(parts),
      re: name ? new RegExp(`(?:^|[^\\p{L}])(?:${alts.join('|')})(?![\\p{L}])`, 'u') : null,
    };
  });
}

export function matchers(ctx: ToxicityContext): Matchers {
  let m = matcherCache.get(ctx);
  if (!m) {
    const people = [...buildMatchers(ctx.protectedPeople, true), ...buildMatchers(ctx.teamMembers, true)];
    const nameWords = new Set(people.flatMap((p) => [...p.words]));
    m = {
      people,
      brands: buildMatchers(ctx.brands, false),
      nameWord: new TokenMemo('toxicity/names', (w) => nameWords.has(w)),
    };
    matcherCache.set(ctx, m);
  }
  return m;
}
