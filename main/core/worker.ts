// Entry of the core worker thread: owns the SQLite connection and the service.
import { parentPort, workerData } from 'node:worker_threads';
import { isCallName } from '../../shared/contract';
import { VigieError, toContractError } from './errors';
import type { HostToWorker, WorkerConfig, WorkerToHost } from './protocol';
import { Service } from './service';
import { openStore, schemaVersion } from './store/open';

const port = parentPort!;
const config = workerData as WorkerConfig;
const send = (msg: WorkerToHost) => port.postMessage(msg);

function start(): void {
  let db;
  let service: Service;
  try {
    db = openStore(config.dbPath, { nativeBinding: config.nativeBinding });
    service = new Service(db, config, (name, payload) => send({ type: 'event', name, payload }));
  } catch (err) {
    send({ type: 'fatal', error: toContractError(err) });
    db?.close();
    return;
  }
  const timer = config.tickMs > 0 ? setInterval(() => safely(() => service.tick()), config.tickMs) : null;
  send({ type: 'ready', schemaVersion: schemaVersion(db) });

  port.on('message', (msg: HostToWorker) => {
    if (msg.type === 'close') {
      if (timer) clearInterval(timer);
      service.dispose();
      db.close();
      send({ type: 'closed' });
      port.close();
      return;
    }
    try {
      let value: unknown;
      if (msg.type === 'task') value = service.loadDemoNow();
      else if (!isCallName(msg.name))
        throw new VigieError('unknown_call', `Unknown call: ${String(msg.name)}`);
      else value = service.dispatch(msg.name, msg.params);
      send({ type: 'result', id: msg.id, ok: true, value });
    } catch (err) {
      send({ type: 'result', id: msg.id, ok: false, error: toContractError(err) });
    }
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
