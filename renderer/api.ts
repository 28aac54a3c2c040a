// The renderer's one client: window.vigie inside Electron, a WebSocket to the core in web mode.
import type {
  CallName,
  CallRequest,
  CallResponse,
  EventName,
  EventPayload,
  VigieApi,
} from '../shared/contract';

declare global {
  interface Window {
    vigie?: VigieApi;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** WebSocket transport with reconnection; calls made while disconnected wait for the socket. */
class WebSocketApi implements VigieApi {
  private socket: WebSocket | null = null;
  private open: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly statusListeners = new Set<(connected: boolean) => void>();

  constructor(private readonly url: string) {}

  onConnection(listener: (connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private connect(): Promise<WebSocket> {
    if (this.open) return this.open;
    this.open = new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.onopen = () => {
        this.socket = ws;
        this.statusListeners.forEach((l) => l(true));
        resolve(ws);
      };
      ws.onmessage = (e) => this.receive(String(e.data));
      ws.onclose = () => {
        this.socket = null;
        this.open = null;
        this.statusListeners.forEach((l) => l(false));
        for (const p of this.pending.values())
          p.reject(new ApiError('disconnected', 'Connection to the core lost.'));
        this.pending.clear();
        reject(new ApiError('disconnected', 'Cannot reach the Vigie core.'));
        setTimeout(() => void this.connect().catch(() => undefined), 1000);
      };
    });
    return this.open;
  }

  private receive(raw: string): void {
    const msg = JSON.parse(raw) as
      | { id: number; ok: true; value: unknown }
      | { id: number | null; ok: false; error: { code: string; message: string } }
      | { event: string; payload: unknown };
    if ('event' in msg) {
      this.listeners.get(msg.event)?.forEach((l) => l(msg.payload));
      return;
    }
    const p = msg.id === null ? undefined : this.pending.get(msg.id);
    if (!p || msg.id === null) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new ApiError(msg.error.code, msg.error.message));
  }

  async call<N extends CallName>(name: N, params: CallRequest<N>): Promise<CallResponse<N>> {
    const ws = this.socket ?? (await this.connect());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, call: name, params }));
    });
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const l = listener as (payload: unknown) => void;
    set.add(l);
    void this.connect().catch(() => undefined);
    return () => set.delete(l);
  }
}

function webSocketUrl(): string {
  const url = new URL('ws', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  const token = new URLSearchParams(window.location.search).get('token');
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

const webApi = window.vigie ? null : new WebSocketApi(webSocketUrl());
export const api: VigieApi = window.vigie ?? webApi!;
export const isElectron = Boolean(window.vigie);

/** Web mode only: connection state for the status badge (Electron is always connected). */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  return webApi ? webApi.onConnection(listener) : () => undefined;
}
