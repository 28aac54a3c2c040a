// The Electron shell (main/index.ts + main/ipc.ts) run for real against a real core worker; only the
// electron module is replaced, by the thinnest stand-in that records what the shell asks of it.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/names';
import { secureWebPreferences } from '../../../main/window-policy';
import { ROOT, tempDir } from '../../helpers/tmp';

const electron = await vi.hoisted(async () => (await import('./electron-stand-in')).createElectronStandIn());

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const rec = electron.recorded;
const tmp = tempDir('vigie-electron-');

beforeAll(async () => {
  rec.userData = tmp.dir;
  await import('../../../main/index');
  rec.resolveReady();
  // The window opens at once on the start-up page, and loads the app once the core worker is up
  // (demo seeded on a fresh database).
  const deadline = Date.now() + 25_000;
  while ((rec.windows[0]?.loaded.length ?? 0) < 2 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
}, 30_000);

afterAll(async () => {
  await rec.appHandlers.get('window-all-closed')?.();
  tmp.cleanup();
});

/** A stand-in for a webContents: the shell only registers listeners and a window-open handler. */
function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: (d: { url: string }) => { action: string };
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }): void;
  };
  contents.setWindowOpenHandler = (fn) => void (contents.openHandler = fn);
  rec.appHandlers.get('web-contents-created')!({}, contents);
  return contents;
}

function navigate(contents: EventEmitter, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

const invoke = (frameUrl: string | null, mainFrame: boolean, name: unknown, params?: unknown) => {
  const frame = frameUrl === null ? null : { url: frameUrl };
  const event = { senderFrame: frame, sender: { mainFrame: mainFrame ? frame : { url: frameUrl } } };
  return rec.ipcHandlers.get(INVOKE_CHANNEL)!(event, name, params) as Promise<
    { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
  >;
};

describe('the Electron window', () => {
  it('is created with the secure webPreferences, on the app:// origin, with the sandbox on', () => {
    const [win] = rec.windows;
    const preload = (win!.options.webPreferences as { preload: string }).preload;
    expect(path.basename(preload)).toBe('preload.cjs');
    expect(win!.options.webPreferences).toEqual(secureWebPreferences(preload));
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(win!.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win!.loaded).toEqual(['app://vigie/starting.html', 'app://vigie/index.html']);
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is the only instance: a second launch brings this window forward', () => {
    expect(rec.singleInstanceAsked).toBe(1);
    rec.appHandlers.get('second-instance')!({}, ['vigie'], tmp.dir);
    expect(rec.shown).toEqual(['restore', 'focus']);
  });

  it('refuses every permission a page asks for', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      rec.permissionRequest!({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(rec.permissionCheck!({}, permission, 'app://vigie', {})).toBe(false);
    }
  });

  it('never navigates away from the app and never attaches a webview', () => {
    const contents = fakeContents();
    expect(navigate(contents, 'will-navigate', 'app://vigie/index.html#/sources')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:4800/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://vigie.evil/index.html',
    ]) {
      expect(navigate(contents, 'will-navigate', url), url).toBe(true);
    }
    expect(navigate(contents, 'will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('opens no window: plain web links go to the OS browser, anything else is dropped', () => {
    const contents = fakeContents();
    rec.openedExternally.length = 0;
    const refused = [
      'javascript:alert(document.cookie)',
      'file:///etc/passwd',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'app://vigie/index.html',
      'smb://attacker/share',
      'https://user:password@phish.example/',
      'vbscript:msgbox(1)',
    ];
    for (const url of [...refused, 'https://ondaline.example/statut', 'http://news.example/a']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(rec.openedExternally).toEqual(['https://ondaline.example/statut', 'http://news.example/a']);
  });

  it('serves app:// from the built renderer only, with the CSP header, and refuses traversal', async () => {
    const handle = rec.protocolHandlers.get('app')!;
    const rendererDir = path.join(ROOT, 'main', 'renderer'); // dist/renderer once bundled
    const page = await handle(new Request('app://vigie/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(pathToFileURL(path.join(rendererDir, 'index.html')).toString());
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    for (const p of ['/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/a%00.js', '/%E0%A4%A']) {
      const res = await handle(new Request(`app://vigie${p}`));
      expect(res.status, p).toBe(400);
    }
    // The URL parser folds ../ and %2e%2e segments before the handler sees them: still inside the app.
    for (const p of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/.%2e/package.json']) {
      const served = await (await handle(new Request(`app://vigie${p}`))).text();
      expect(served, p).toBe(pathToFileURL(path.join(rendererDir, 'package.json')).toString());
    }
  });
});

describe('IPC', () => {
  it('answers the main frame of the app page, with the contract', async () => {
    const reply = await invoke('app://vigie/index.html', true, 'app.info', {});
    expect(reply).toMatchObject({ ok: true, value: { mode: 'electron' } });
  });

  it('refuses foreign pages, sub-frames and frameless senders before anything runs', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden', message: 'Untrusted sender.' } };
    expect(await invoke('https://evil.example/', true, 'app.info', {})).toEqual(forbidden);
    expect(await invoke('file:///tmp/x.html', true, 'app.info', {})).toEqual(forbidden);
    expect(await invoke('app://vigie/index.html', false, 'app.info', {})).toEqual(forbidden);
    expect(await invoke(null, true, 'app.info', {})).toEqual(forbidden);
    // A refused sender could not store a secret either.
    await invoke('https://evil.example/', true, 'sources.save', {
      id: 'planted',
      type: 'mastodon',
      name: 'x',
      config: { baseUrl: 'https://evil.example' },
    });
    const list = await invoke('app://vigie/index.html', true, 'sources.list', {});
    expect(JSON.stringify(list)).not.toContain('planted');
  });

  it('parses every request with the contract and returns errors as {code, message}', async () => {
    const unknown = await invoke('app://vigie/index.html', true, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'unknown_call', message: 'Unknown call: fs.readFile' },
    });
    const notAString = await invoke('app://vigie/index.html', true, { toString: () => 'x' }, {});
    expect(notAString).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const inherited = await invoke('app://vigie/index.html', true, 'constructor', {});
    expect(inherited).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const bad = await invoke('app://vigie/index.html', true, 'mentions.list', { limit: 'all', extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(JSON.stringify(bad)).not.toMatch(/\bat .*\.(ts|js|cjs):\d+/);
  });

  it('forwards core events to the window on the event channel only', async () => {
    const [win] = rec.windows;
    const saved = await invoke('app://vigie/index.html', true, 'sources.save', {
      id: 'masto-1',
      type: 'mastodon',
      name: 'Instance',
      config: { baseUrl: 'http://127.0.0.1:9', hashtag: 'ondaline' },
    });
    expect(saved).toMatchObject({ ok: true });
    await expect.poll(() => win!.sent.length).toBeGreaterThan(0);
    expect(new Set(win!.sent.map((m) => m[0]))).toEqual(new Set([EVENT_CHANNEL]));
  });
});

describe('the preload', () => {
  it('exposes one object, window.vigie, that only forwards known calls and events', async () => {
    await import('../../../preload/index');
    expect(rec.exposed.map(([key]) => key)).toEqual(['vigie']);
    const api = rec.exposed[0]![1] as {
      call(name: string, params?: unknown): Promise<unknown>;
      on(event: string, fn: (p: unknown) => void): () => void;
    };
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    await expect(api.call('app.info', {})).resolves.toEqual({ mode: 'electron' });
    await expect(api.call('mentions.list', { limit: 'x' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api.call('shell.openExternal', { url: 'file:///' })).rejects.toThrow(/Unknown call/);
    expect(rec.invoked.map((a) => a[0])).toEqual([INVOKE_CHANNEL, INVOKE_CHANNEL]);
    expect(() => api.on('ipc.raw', () => {})).toThrow(/Unknown event/);

    const ipc = electron.module.ipcRenderer as unknown as EventEmitter;
    const got: unknown[] = [];
    const off = api.on('sources.changed', (p) => got.push(p));
    ipc.emit(EVENT_CHANNEL, {}, 'mentions.added', { count: 1 });
    ipc.emit(EVENT_CHANNEL, {}, 'sources.changed', { ids: ['a'] });
    off();
    ipc.emit(EVENT_CHANNEL, {}, 'sources.changed', { ids: ['b'] });
    expect(got).toEqual([{ ids: ['a'] }]);
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
