// Starts the core in a worker thread. The Electron main process, web mode and the CLI all use this.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  CallName,
  CallRequest,
  CallResponse,
  ContractError,
  EventName,
  EventPayload,
} from '../../shared/contract';
import { VigieError } from './errors';
import type { HostToWorker, WorkerConfig, WorkerToHost } from './protocol';
import type { StoreUpgrade } from './store/open';

export interface CoreHost {
  call<N extends CallName>(name: N, params: CallRequest<N>): Promise<CallResponse<N>>;
  /** Untyped entry for transports that forward whatever a client sent (validated in the core). */
  callRaw(name: string, params: unknown): Promise<unknown>;
  loadDemo(): Promise<{ inserted: number; total: number }>;
  /** Internal work for the CLI (see core/tasks.ts); never exposed to pages. */
  task(name: string, args?: unknown): Promise<unknown>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAnyEvent(listener: (name: string, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export interface HostOptions extends Partial<Omit<WorkerConfig, 'dbPath'>> {
  dbPath: string;
  /** Built worker bundle; defaults to core-worker.cjs beside this bundle. */
  workerFile?: string;
  /** Where notices go while the core starts (a long store upgrade, given apart too); stderr by default. */
  onNotice?: (message: string, upgrade?: StoreUpgrade) => void;
}

/** Where the built bundles live: dist/ at the repo root, whatever file the caller was built into. */
export function distDir(): string {
  return path.basename(__dirname) === 'dist' ? __dirname : path.resolve(__dirname, '../../dist');
}

export function startCore(options: HostOptions): Promise<CoreHost> {
  const { workerFile, onNotice, ...given } = options;
  // Every option reaches the worker (the drop folder, the keychain's secrets…); only defaults are added.
  const config: WorkerConfig = {
    ...given,
    dbPath: path.resolve(options.dbPath),
    resourcesDir: options.resourcesDir ?? path.resolve(distDir(), '..', 'resources'),
    mode: options.mode ?? 'cli',
    version: options.version ?? '0.0.0',
    seedDemo: options.seedDemo ?? false,
    tickMs: options.tickMs ?? 250,
  };
  const worker = new Worker(workerFile ?? path.join(distDir(), 'core-worker.cjs'), {
    workerData: config,
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let nextId = 1;
  let closed = false;

  const fail = (error: ContractError) => new VigieError(error.code, error.message);

  return new Promise<CoreHost>((resolveStart, rejectStart) => {
    let started = false;
    worker.on('error', (err) => {
      if (!started) rejectStart(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
    worker.on('exit', (code) => {
      closed = true;
      if (!started)
        rejectStart(new VigieError('core_exit', `The core stopped before it was ready (code ${code}).`));
      for (const p of pending.values()) p.reject(new VigieError('core_exit', 'The core stopped.'));
      pending.clear();
    });
    worker.on('message', (msg: WorkerToHost) => {
      switch (msg.type) {
        case 'ready':
          started = true;
          resolveStart(host);
          break;
        case 'fatal':
          rejectStart(fail(msg.error));
          void worker.terminate();
          break;
        case 'result': {
          const p = pending.get(msg.id);
          pending.delete(msg.id);
          if (msg.ok) p?.resolve(msg.value);
          else p?.reject(fail(msg.error));
          break;
        }
        case 'event':
          for (const l of listeners) l(msg.name, msg.payload);
          break;
        case 'closed':
          break;
        case 'notice':
          if (onNotice) onNotice(msg.message, msg.upgrade);
          else console.error(`vigie: ${msg.message}`);
          break;
      }
    });

    const post = (build: (id: number) => HostToWorker): Promise<unknown> => {
      if (closed) return Promise.reject(new VigieError('core_closed', 'The core is closed.'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(build(id));
      });
    };

    const host: CoreHost = {
      callRaw: (name, params) => post((id) => ({ type: 'call', id, name, params })),
      call: (name, params) => host.callRaw(name, params) as Promise<never>,
      task: (name, args) => post((id) => ({ type: 'task', id, task: name, args })),
      loadDemo: () => host.task('demo.load') as Promise<never>,
      onAnyEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      on(event, listener) {
        return host.onAnyEvent((name, payload) => {
          if (name === event) listener(payload as never);
        });
      },
      async close() {
        if (closed) return;
        // 'closed' means the store is closed: nothing is left to lose, so the thread is stopped
        // rather than waiting for its last timers and handles to wind down by themselves.
        const done = new Promise<void>((r) => {
          worker.once('exit', () => r());
          worker.on('message', (m: WorkerToHost) => m.type === 'closed' && r());
        });
        worker.postMessage({ type: 'close' } satisfies HostToWorker);
        // A core that does not answer within 3 s is stopped; the timer must not outlive the answer
        // (a pending timer kept every CLI command alive 3 s after its work was done).
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([done, new Promise((r) => (timer = setTimeout(r, 3000)))]);
        clearTimeout(timer);
        if (!closed) await worker.terminate();
      },
    };
  });
}
