// What every group of contract handlers shares inside the core worker.
import type { Database } from 'better-sqlite3';
import type { CallName, CallResponse, EventName, EventPayload, ParsedRequest } from '../../shared/contract';
import { IncidentsRepo } from './store/incidents-repo';
import { MentionsRepo } from './store/mentions-repo';
import { MetaRepo } from './store/meta-repo';
import { RollupsRepo } from './store/rollups-repo';
import { SourcesRepo } from './store/sources-repo';
import { SyncEngine } from './sync/engine';
import { HttpClient } from './sync/http';
import { Ingestor } from './sync/ingest';
import { FileVault, MemoryVault, type SecretVault } from './sync/secret-vault';
import { EnvAndFileSecrets } from './sync/secrets';
import path from 'node:path';

export interface ServiceOptions {
  dbPath: string;
  resourcesDir: string;
  mode: 'electron' | 'web' | 'cli';
  version: string;
  /** Open the demo incident with a running replay on a first run. */
  seedDemo: boolean;
  replaySpeed?: number;
  dropFolder?: string;
  vault?: { kind: 'files'; dir: string } | { kind: 'memory'; secrets: Record<string, string> };
  now?: () => number;
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** A handler may answer at once or after I/O (imports, network). */
export type Handlers = {
  [N in CallName]: (req: ParsedRequest<N>) => CallResponse<N> | Promise<CallResponse<N>>;
};
export type HandlerGroup<K extends CallName> = Pick<Handlers, K>;

export interface CoreContext {
  db: Database;
  opts: ServiceOptions;
  now: () => number;
  emit: Emit;
  ingestor: Ingestor;
  mentions: MentionsRepo;
  rollups: RollupsRepo;
  incidents: IncidentsRepo;
  sources: SourcesRepo;
  meta: MetaRepo;
  http: HttpClient;
  engine: SyncEngine;
  vault: SecretVault;
  secrets: EnvAndFileSecrets;
}

export function createContext(db: Database, opts: ServiceOptions, emit: Emit): CoreContext {
  const now = opts.now ?? Date.now;
  const ingestor = new Ingestor(db, now);
  const http = new HttpClient({ now, userAgent: `Vigie/${opts.version} (crisis cell cockpit)` });
  const vault: SecretVault =
    opts.vault?.kind === 'memory'
      ? new MemoryVault(opts.vault.secrets)
      : new FileVault(opts.vault?.dir ?? path.join(path.dirname(opts.dbPath), 'secrets'));
  const secrets = new EnvAndFileSecrets(process.env, (ref) => vault.get(ref));
  return {
    db,
    opts,
    now,
    emit,
    ingestor,
    mentions: new MentionsRepo(db),
    rollups: new RollupsRepo(db),
    incidents: new IncidentsRepo(db),
    sources: new SourcesRepo(db),
    meta: new MetaRepo(db),
    http,
    engine: new SyncEngine({ db, ingestor, http, secrets, now }),
    vault,
    secrets,
  };
}
