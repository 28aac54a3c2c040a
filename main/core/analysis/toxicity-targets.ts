// Who a post names: protected people, team members and brand accounts, by handle or by name
// (surnames too for people), matched as whole words; built once per context.
import { fold } from './text';
import type { Person, ToxicityContext } from './toxicity';

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

const matcherCache = new WeakMap<object, { people: NameMatcher[]; brands: NameMatcher[] }>();

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

export function matchers(ctx: ToxicityContext): { people: NameMatcher[]; brands: NameMatcher[] } {
  let m = matcherCache.get(ctx);
  if (!m) {
    m = {
      people: [...buildMatchers(ctx.protectedPeople, true), ...buildMatchers(ctx.teamMembers, true)],
      brands: buildMatchers(ctx.brands, false),
    };
    matcherCache.set(ctx, m);
  }
  return m;
}
