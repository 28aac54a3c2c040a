// Messages between the core worker and its host (main process, web server or CLI).
import type { ContractError } from '../../shared/contract';

export interface WorkerConfig {
  dbPath: string;
  resourcesDir: string;
  mode: 'electron' | 'web' | 'cli';
  version: string;
  seedDemo: boolean;
  replaySpeed?: number;
  nativeBinding?: string;
  /** Milliseconds between replay ticks; 0 disables the timer (one-shot CLI commands). */
  tickMs: number;
}

export type HostToWorker =
  | { type: 'call'; id: number; name: string; params: unknown }
  | { type: 'task'; id: number; task: 'demo.load' }
  | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready'; schemaVersion: number }
  | { type: 'fatal'; error: ContractError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ContractError }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed' };
