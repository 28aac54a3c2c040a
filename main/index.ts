// Electron main process: one secure window on the app:// origin, the core in a worker, IPC bound to it.
import { BrowserWindow, Menu, app, dialog, net, powerMonitor, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCore, type CoreHost } from './core/host';
import type { StoreUpgrade } from './core/store/open';
import { readVersion } from './core/paths';
import { bindIpc } from './ipc';
import { Keychain } from './keychain';
import { askToRestore } from './restore-dialog';
import { CONTENT_SECURITY_POLICY, resolveStatic } from './server/static-files';
import { APP_ORIGIN, APP_SCHEME, isAppUrl, isSafeExternalUrl } from './window-policy';

const ROOT = path.resolve(__dirname, '..');
/** scripts/start.mjs reads it: the database was refused, so web mode would not do better. */
const REFUSED_EXIT_CODE = 2;

/** A refusal the core explains (a VigieError's code), not a crash of Electron or of the core. */
function isRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^db_/.test(code);
}
let win: BrowserWindow | null = null;
let core: CoreHost | null = null;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

/** Electron needs better-sqlite3 built for its own ABI, kept apart from the Node build (see README). */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(ROOT, 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function serveAppProtocol(): void {
  const rendererDir = path.join(__dirname, 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveStatic(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Bad path', { status: 400 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** The start-up page until the core is ready; `upgrade`: mentions a long store upgrade rewrites. */
const startingUrl = (upgrade?: number) =>
  `${APP_ORIGIN}/starting.html${upgrade ? `?upgrade=${Math.round(upgrade)}` : ''}`;

/** Opened at once, on the start-up page: opening a big store (integrity check, upgrade) takes a while. */
function createWindow(): BrowserWindow {
  win = new BrowserWindow({
    width: 1440,
    height: 900,
    // Half of a full-HD screen: a cell member keeps the platform being watched in the other half.
    minWidth: 960,
    minHeight: 720,
    backgroundColor: '#0f172a',
    title: 'Vigie',
    // Spelled out here, not spread from a helper, so the static audit (npm run audit:electron) reads
    // it; tests/unit/security/electron-main.test.ts checks it equals secureWebPreferences().
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.on('closed', () => (win = null));
  void win.loadURL(startingUrl());
  return win;
}

// One app per person: launching it again brings the open window forward instead of starting a second
// core on the same database (which the core's live lock would refuse, with a message).
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

app.whenReady().then(async () => {
  if (!firstInstance) return;
  Menu.setApplicationMenu(null);
  hardenSessions();
  serveAppProtocol();
  const keychain = new Keychain(path.join(app.getPath('userData'), 'secrets'));
  const options = {
    dbPath: path.join(app.getPath('userData'), 'vigie.db'),
    resourcesDir: app.isPackaged
      ? path.join(process.resourcesPath, 'resources')
      : path.join(ROOT, 'resources'),
    mode: 'electron' as const,
    version: readVersion(ROOT),
    seedDemo: true,
    nativeBinding: electronNativeBinding(),
    vault: { kind: 'memory' as const, secrets: keychain.loadAll() },
    onNotice: (message: string, upgrade?: StoreUpgrade) => {
      console.error(`vigie: ${message}`);
      if (upgrade && win && !win.isDestroyed()) void win.loadURL(startingUrl(upgrade.mentions));
    },
  };
  createWindow();
  try {
    core = await startCore(options).catch((err: unknown) => {
      const damaged = (err as { code?: string }).code === 'db_corrupt';
      if (!damaged || !askToRestore(options.dbPath, (err as Error).message)) throw err;
      return startCore({ ...options, restoreLatestBackup: true });
    });
  } catch (err) {
    // One clear sentence, then a non-zero exit. npm start falls back to web mode on an early exit,
    // except with code 2: Vigie started and refused the database (in use, too new, not a store),
    // which web mode would refuse too.
    const message = err instanceof Error ? err.message : String(err);
    console.error(`Vigie: ${message}`);
    dialog.showErrorBox('Vigie', message);
    app.exit(isRefusal(err) ? REFUSED_EXIT_CODE : 1);
    return;
  }
  bindIpc(core, () => win, keychain);
  // Closed while the store was opening: the app quits with the last window.
  if (!win || win.isDestroyed()) return;
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  // System-wide idle time feeds the local member's rest timer: no input for long enough is a natural break.
  setInterval(() => {
    const idleMs = Math.min(powerMonitor.getSystemIdleTime() * 1000, 86_400_000);
    void core?.call('team.activity', { idleMs }).catch(() => undefined);
  }, 5000);
});

app.on('window-all-closed', async () => {
  await core?.close();
  app.quit();
});
