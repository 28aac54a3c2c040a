// Who abuse can be aimed at, read from the store: people under protection (open cases), the crisis
// team, plus what the cell configured under meta `analysis.context` ({brands, people} as JSON) and
// what a feature adds (the demo's targeted person). Refreshed at most every few seconds; the object
// stays the same while nothing changed, so the toxicity scorer keeps its compiled matchers.
import type { Database } from 'better-sqlite3';
import type { Person, ToxicityContext } from './toxicity';

const REFRESH_MS = 5_000;

interface Configured {
  brands?: Person[];
  people?: Person[];
}

export class AnalysisContextSource {
  private ctx: ToxicityContext = {};
  private key = '';
  private loadedAt = -Infinity;
  private extra: Configured = {};

  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  /** People and brands a feature knows of (merged with what the store holds). */
  addExtra(extra: Configured): void {
    this.extra = {
      brands: [...(this.extra.brands ?? []), ...(extra.brands ?? [])],
      people: [...(this.extra.people ?? []), ...(extra.people ?? [])],
    };
    this.loadedAt = -Infinity;
  }

  get(): ToxicityContext {
    const now = this.clock();
    if (now - this.loadedAt < REFRESH_MS) return this.ctx;
    this.loadedAt = now;
    const next = this.read();
    const key = JSON.stringify(next);
    if (key !== this.key) {
      this.key = key;
      this.ctx = next;
    }
    return this.ctx;
  }

  private read(): ToxicityContext {
    const cases = this.safeAll<{ person_name: string; handles: string }>(
      `SELECT person_name, handles FROM protection_cases WHERE status != 'closed' ORDER BY started_at`,
    ).map((r) => ({ name: r.person_name, handles: parseList(r.handles) }));
    const members = this.safeAll<{ display_name: string }>(
      'SELECT display_name FROM members WHERE active = 1 ORDER BY created_at',
    ).map((r) => ({ name: r.display_name }));
    const configured = this.configured();
    return {
      protectedPeople: [...cases, ...(configured.people ?? []), ...(this.extra.people ?? [])],
      teamMembers: members,
      brands: [...(configured.brands ?? []), ...(this.extra.brands ?? [])],
    };
  }

  private configured(): Configured {
    const row = this.safeAll<{ value: string }>(`SELECT value FROM meta WHERE key = 'analysis.context'`)[0];
    if (!row) return {};
    try {
      const v = JSON.parse(row.value) as Configured;
      return { brands: persons(v.brands), people: persons(v.people) };
    } catch {
      return {};
    }
  }

  /** A store from before the team tables answers with nothing rather than failing the ingest. */
  private safeAll<T>(sql: string): T[] {
    try {
      return this.db.prepare(sql).all() as T[];
    } catch {
      return [];
    }
  }
}

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function persons(v: unknown): Person[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((p): p is Person => typeof p === 'object' && p !== null && typeof (p as Person).name === 'string')
    .map((p) => ({ name: p.name, handles: Array.isArray(p.handles) ? p.handles.map(String) : [] }));
}
