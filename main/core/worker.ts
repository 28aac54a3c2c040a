// Entry of the core worker thread: owns the SQLite connection and the service.
import { parentPort, workerData } from 'node:worker_threads';
import { isCallName } from '../../shared/contract';
import { VigieError, toContractError } from './errors';
import type { HostToWorker, WorkerConfig, WorkerToHost } from './protocol';
import { Service } from './service';
import { restoreLatest } from './store/backup';
import { acquireLiveLock, type LiveLock } from './store/live-lock';
import { assertSqliteOrAbsent, openStore, schemaVersion, type StoreUpgrade } from './store/open';
import { isTaskName } from './tasks';

const port = parentPort!;
const config = workerData as WorkerConfig;
const send = (msg: WorkerToHost) => port.postMessage(msg);

/** From this many mentions an upgrade takes seconds (about 8 s per 300,000 on a laptop core). */
const LARGE_UPGRADE = 100_000;

function upgradeNotice(u: StoreUpgrade): string {
  const count = u.mentions.toLocaleString('en-US');
  return `upgrading the store from schema ${u.from} to ${u.to} (${count} mentions); this happens once and can take a minute.`;
}

function start(): void {
  let db;
  let service: Service;
  let lock: LiveLock | null = null;
  // Live mode (app, web, continuous sync): one per database, taken before anything touches the file.
  const live = config.tickMs > 0;
  try {
    // Not a Vigie file: refused before the lock, so nothing is created beside it.
    if (live) assertSqliteOrAbsent(config.dbPath);
    if (live)
      lock = acquireLiveLock(config.dbPath, { mode: config.mode, pid: process.pid }, config.nativeBinding);
    if (config.restoreLatestBackup) restoreLatest(config.dbPath, config.nativeBinding);
    db = openStore(config.dbPath, {
      nativeBinding: config.nativeBinding,
      backups: config.tickMs > 0,
      onUpgrade: (u) => {
        if (u.rewritesMentions && u.mentions >= LARGE_UPGRADE)
          send({ type: 'notice', message: upgradeNotice(u), upgrade: u });
      },
    });
    service = new Service(db, config, (name, payload) => send({ type: 'event', name, payload }));
  } catch (err) {
    db?.close();
    // Released before the host hears of the failure: it may start again at once (restore a backup).
    lock?.release();
    send({ type: 'fatal', error: toContractError(err) });
    return;
  }
  // Live mode: the demo replay ticks and configured sources sync in the background.
  const timer = live ? setInterval(() => safely(() => service.tick()), config.tickMs) : null;
  if (live) service.startScheduler();
  if (live && config.dropFolder) {
    service.startDropFolder(config.dropFolder).catch((err: unknown) => {
      send({ type: 'event', name: 'core.error', payload: toContractError(err) });
    });
  }
  send({ type: 'ready', schemaVersion: schemaVersion(db) });
  // After 'ready', so start-up does not wait for it; calls that arrive meanwhile simply queue behind.
  if (live) setImmediate(() => safely(() => service.warmUp()));

  port.on('message', (msg: HostToWorker) => {
    if (msg.type === 'close') {
      if (timer) clearInterval(timer);
      service.dispose();
      db.close();
      lock?.release();
      send({ type: 'closed' });
      port.close();
      return;
    }
    const reply = (run: () => unknown) => {
      try {
        Promise.resolve(run()).then(
          (value) => send({ type: 'result', id: msg.id, ok: true, value }),
          (err: unknown) => send({ type: 'result', id: msg.id, ok: false, error: toContractError(err) }),
        );
      } catch (err) {
        send({ type: 'result', id: msg.id, ok: false, error: toContractError(err) });
      }
    };
    if (msg.type === 'task') {
      reply(() => {
        if (!isTaskName(msg.task)) throw new VigieError('unknown_task', `Unknown task: ${msg.task}`);
        return service.task(msg.task, msg.args);
      });
      return;
    }
    reply(() => {
      if (!isCallName(msg.name)) throw new VigieError('unknown_call', `Unknown call: ${String(msg.name)}`);
      return service.dispatch(msg.name, msg.params);
    });
  });
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    send({ type: 'event', name: 'core.error', payload: toContractError(err) });
  }
}

start();
