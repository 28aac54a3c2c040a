// Pseudonymization for sharing outside the cell: authors and cell members become stable aliases
// (a keyed hash of the name with a per-store secret, so the same person keeps the same alias from one
// export to the next, and nobody can recompute it from a list of known handles).
import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ReportLang } from '../../../shared/report-model';
import { MetaRepo } from '../store/meta-repo';

const SALT_KEY = 'report.alias_salt';
const SYSTEM_ACTOR = 'Vigie';

/** The store's alias secret, created on first use. */
export function aliasSalt(db: Database): string {
  const meta = new MetaRepo(db);
  const existing = meta.get(SALT_KEY);
  if (existing) return existing;
  const salt = randomBytes(16).toString('hex');
  meta.set(SALT_KEY, salt);
  return salt;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Aliaser {
  readonly active: boolean;
  author(handle: string): string;
  member(name: string | null): string | null;
  /** Replaces known handles, author names and member names inside a free text, and removes links. */
  text(value: string): string;
  url(value: string | null): string | null;
  /** A near-duplicate cluster's id (the id of its first post, which names it): a stable alias. */
  cluster(id: string | null): string | null;
}

export const IDENTITY: Aliaser = {
  active: false,
  author: (h) => h,
  member: (n) => n,
  text: (t) => t,
  url: (u) => u,
  cluster: (c) => c,
};

const LINK = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/giu;

export function makeAliaser(
  salt: string,
  lang: ReportLang,
  known: {
    handles: Iterable<string>;
    authorNames: Iterable<string>;
    members: Iterable<string>;
    /** The organisation in the storm (brand names and accounts): not a person, kept as written. */
    organisation?: Iterable<string>;
  },
): Aliaser {
  const hash = (kind: string, v: string) =>
    createHmac('sha256', salt).update(`${kind}:${v.trim().toLowerCase()}`).digest('hex').slice(0, 6);
  const kept = new Set([...(known.organisation ?? [])].map((o) => o.trim().replace(/^@/, '').toLowerCase()));
  const isKept = (v: string) => kept.has(v.trim().replace(/^@/, '').toLowerCase());
  const author = (handle: string) =>
    isKept(handle) ? handle : `@anon-${hash('a', handle.replace(/^@/, ''))}`;
  const member = (name: string) => `${lang === 'fr' ? 'membre' : 'member'}-${hash('m', name)}`;
  const replacements = new Map<string, string>();
  for (const h of known.handles) {
    const bare = h.replace(/^@/, '');
    if (bare.length >= 3 && !isKept(bare)) replacements.set(bare.toLowerCase(), author(bare));
  }
  // Display names replaced only when long enough not to hit ordinary words.
  for (const n of known.authorNames)
    if (n.trim().length >= 5 && !isKept(n) && !replacements.has(n.trim().toLowerCase()))
      replacements.set(n.trim().toLowerCase(), '[anon]');
  for (const m of known.members)
    if (m !== SYSTEM_ACTOR && m.trim().length >= 3) replacements.set(m.trim().toLowerCase(), member(m));
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern =
    keys.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}_.])@?(${keys.map(escapeRe).join('|')})(?![\\p{L}\\p{N}_])`, 'giu')
      : null;
  return {
    active: true,
    author,
    // The app itself (alerts, automatic steps) is not a person.
    member: (n) => (n === null || n === SYSTEM_ACTOR ? n : member(n)),
    text: (t) => {
      // Links go first: a profile link names its person even when the handle is not known.
      const unlinked = t.replace(LINK, lang === 'fr' ? '[lien]' : '[link]');
      return pattern
        ? unlinked.replace(pattern, (_m, key: string) => replacements.get(key.toLowerCase()) ?? '[anon]')
        : unlinked;
    },
    url: () => null,
    cluster: (c) => (c === null || c === '' ? c : `cluster-${hash('c', c)}`),
  };
}
