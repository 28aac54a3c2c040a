// Messages between the core worker and its host (main process, web server or CLI).
import type { ContractError } from '../../shared/contract';
import type { StoreUpgrade } from './store/open';

export interface WorkerConfig {
  dbPath: string;
  resourcesDir: string;
  mode: 'electron' | 'web' | 'cli';
  version: string;
  seedDemo: boolean;
  replaySpeed?: number;
  nativeBinding?: string;
  /**
   * Where secrets typed in the Sources panel live: 0600 files (CLI, web), or in memory only with the
   * values the Electron shell decrypted from the OS keychain.
   */
  vault?: { kind: 'files'; dir: string } | { kind: 'memory'; secrets: Record<string, string> };
  /** A folder whose new files are imported as they appear (live mode only). */
  dropFolder?: string;
  /** Milliseconds between replay ticks; 0 disables the timer (one-shot CLI commands). */
  tickMs: number;
  /**
   * The person chose to bring back the newest automatic backup of a damaged store: done here, before
   * opening, with the SQLite build this thread loads (the Electron shell cannot open SQLite itself).
   */
  restoreLatestBackup?: boolean;
}

export type HostToWorker =
  | { type: 'call'; id: number; name: string; params: unknown }
  | { type: 'task'; id: number; task: string; args: unknown }
  | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready'; schemaVersion: number }
  | { type: 'fatal'; error: ContractError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ContractError }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed' }
  /** Something the person starting Vigie should know while they wait (a long store upgrade). */
  | { type: 'notice'; message: string; upgrade?: StoreUpgrade };
