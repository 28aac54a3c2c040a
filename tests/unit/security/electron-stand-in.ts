// The thinnest stand-in for the electron module (its binary cannot run here): it records what the
// shell asks of it. Used by the Electron shell tests through vi.mock('electron').
import { EventEmitter as Emitter } from 'node:events';

export function createElectronStandIn() {
  const recorded = {
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; sent: unknown[][] }>,
    appHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    permissionRequest: null as null | ((...args: unknown[]) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    openedExternally: [] as string[],
    sandboxEnabled: false,
    exposed: [] as Array<[string, unknown]>,
    singleInstanceAsked: 0,
    exitCodes: [] as number[],
    errorBoxes: [] as string[],
    shown: [] as string[],
    invoked: [] as unknown[][],
    userData: '',
    ready: null as null | Promise<void>,
    resolveReady: () => {},
  };
  recorded.ready = new Promise<void>((r) => (recorded.resolveReady = r));
  class BrowserWindow {
    readonly webContents: { send: (...a: unknown[]) => void };
    private readonly record;
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] as string[], sent: [] as unknown[][] };
      recorded.windows.push(this.record);
      this.webContents = { send: (...a: unknown[]) => void this.record.sent.push(a) };
    }
    on() {}
    isDestroyed() {
      return false;
    }
    minimized = true;
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
      recorded.shown.push('restore');
    }
    focus() {
      recorded.shown.push('focus');
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
  }
  const module = {
    BrowserWindow,
    Menu: { setApplicationMenu: () => {} },
    app: {
      enableSandbox: () => void (recorded.sandboxEnabled = true),
      whenReady: () => recorded.ready!,
      requestSingleInstanceLock: () => {
        recorded.singleInstanceAsked++;
        return true;
      },
      on: (name: string, fn: (...args: unknown[]) => unknown) => void recorded.appHandlers.set(name, fn),
      getPath: () => recorded.userData,
      isPackaged: false,
      quit: () => {},
      exit: (code: number) => void recorded.exitCodes.push(code),
    },
    dialog: { showErrorBox: (_title: string, text: string) => void recorded.errorBoxes.push(text) },
    net: {
      // Answers with the file URL it was asked for: the test sees which file the shell would serve.
      fetch: async (url: string) => new Response(url, { status: 200 }),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.privileged.push(...schemes),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) =>
        void recorded.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => void) =>
          void (recorded.permissionRequest = fn),
        setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) =>
          void (recorded.permissionCheck = fn),
      },
    },
    shell: { openExternal: async (url: string) => void recorded.openedExternally.push(url) },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) =>
        void recorded.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => void recorded.exposed.push([key, api]),
    },
    ipcRenderer: Object.assign(new Emitter(), {
      invoke: async (...args: unknown[]) => {
        recorded.invoked.push(args);
        return args[1] === 'app.info'
          ? { ok: true, value: { mode: 'electron' } }
          : { ok: false, error: { code: 'bad_request', message: 'nope' } };
      },
    }),
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
  };
  return { recorded, module };
}
