// Exposes the contract, and nothing else, to the page as window.vigie.
import { contextBridge, ipcRenderer } from 'electron';
import type { CallName, EventName, VigieApi } from '../shared/contract';
import { CALL_NAME_LIST, EVENT_CHANNEL, EVENT_NAME_LIST, INVOKE_CHANNEL } from '../shared/names';

const CALL_NAMES: readonly string[] = CALL_NAME_LIST;
const EVENT_NAMES: readonly string[] = EVENT_NAME_LIST;

const api: VigieApi = {
  async call(name, params) {
    if (!CALL_NAMES.includes(name as CallName)) throw new Error(`Unknown call: ${String(name)}`);
    const reply = (await ipcRenderer.invoke(INVOKE_CHANNEL, name, params)) as
      { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    if (reply.ok) return reply.value as never;
    throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  },
  on(event, listener) {
    if (!EVENT_NAMES.includes(event as EventName)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('vigie', api);
