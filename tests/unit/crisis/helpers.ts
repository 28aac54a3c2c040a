// Shared set-up for the crisis tests: a REAL SQLite store file with the crisis schema, a fake
// clock, incidents and mentions written with plain SQL.
import type Database from 'better-sqlite3';
import path from 'node:path';
import { crisisConfig, type CrisisConfig } from '../../../main/core/crisis/config';
import type { CrisisOptions } from '../../../main/core/crisis/internal';
import { loadLibrary } from '../../../main/core/crisis/playbooks/loader';
import { IncidentsRepo } from '../../../main/core/store/incidents-repo';
import { openStore } from '../../../main/core/store/open';
import { RESOURCES, tempDir } from '../../helpers/tmp';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** 2026-03-12 09:00 in Paris (08:00 UTC). */
export const T0 = Date.UTC(2026, 2, 12, 8, 0, 0);

export const PLAYBOOKS_DIR = path.join(RESOURCES, 'playbooks');

export class FakeClock {
  constructor(public t: number = T0) {}
  now = (): number => this.t;
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
  set(t: number): number {
    this.t = t;
    return t;
  }
}

export interface Env {
  db: Database.Database;
  clock: FakeClock;
  config: CrisisConfig;
  opts: CrisisOptions;
  dir: string;
  cleanup: () => void;
}

export function setup(config: Partial<CrisisConfig> = {}): Env {
  const tmp = tempDir('vigie-crisis-');
  const db = openStore(tmp.file('crisis.db'));
  const clock = new FakeClock();
  const cfg = crisisConfig({ brand: 'Ondaline', timeZone: 'Europe/Paris', ...config });
  return {
    db,
    clock,
    config: cfg,
    opts: { now: clock.now, config: cfg },
    dir: tmp.dir,
    cleanup: () => {
      db.close();
      tmp.cleanup();
    },
  };
}

export function openIncident(
  env: Env,
  o: { id?: string; title?: string; level?: string; openedAt?: number } = {},
): string {
  const id = o.id ?? 'inc-1';
  new IncidentsRepo(env.db).create(
    {
      id,
      title: o.title ?? 'Panne fibre Ondaline',
      level: (o.level ?? 'veille') as 'veille',
      openedAt: o.openedAt ?? env.clock.t,
      isDemo: false,
      sourceIds: [],
    },
    'camille',
  );
  return id;
}

export interface MentionSeed {
  id: string;
  text?: string;
  authorHandle?: string;
  authorName?: string | null;
  url?: string | null;
  createdAt?: number;
}

export function insertMentions(env: Env, seeds: MentionSeed[]): void {
  const insert = env.db.prepare(
    `INSERT INTO mentions(id, platform, external_id, url, author_handle, author_name, text, created_at, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of seeds) {
    const [platform, external] = s.id.split(':') as [string, string];
    insert.run(
      s.id,
      platform,
      external,
      s.url === undefined ? `https://example.test/${external}` : s.url,
      s.authorHandle ?? `user_${external}`,
      s.authorName === undefined ? `User ${external}` : s.authorName,
      s.text ?? `Toujours pas de réseau ${external}`,
      s.createdAt ?? T0,
      T0,
    );
  }
}

export interface EventRow {
  id: number;
  at: number;
  kind: string;
  actor: string | null;
  text: string;
  data: Record<string, unknown> | null;
}

export function events(env: Env, incidentId = 'inc-1'): EventRow[] {
  return (
    env.db
      .prepare(
        'SELECT id, at, kind, actor, text, data FROM timeline_events WHERE incident_id = ? ORDER BY id',
      )
      .all(incidentId) as {
      id: number;
      at: number;
      kind: string;
      actor: string | null;
      text: string;
      data: string | null;
    }[]
  ).map((r) => ({ ...r, data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null }));
}

export const kinds = (env: Env, incidentId = 'inc-1'): string[] => events(env, incidentId).map((e) => e.kind);

export function lastEvent(env: Env, incidentId = 'inc-1'): EventRow {
  const all = events(env, incidentId);
  return all[all.length - 1]!;
}

export function shippedLibrary(config?: CrisisConfig) {
  return loadLibrary([PLAYBOOKS_DIR], config);
}

export function shippedPlaybook(id: string, config?: CrisisConfig) {
  const pb = shippedLibrary(config).playbook(id);
  if (!pb) throw new Error(`no shipped playbook ${id}`);
  return pb;
}
