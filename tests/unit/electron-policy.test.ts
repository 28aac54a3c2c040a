import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/server/static-files';
import { isAppUrl, isSafeExternalUrl, isTrustedSender, secureWebPreferences } from '../../main/window-policy';
import { ROOT } from '../helpers/tmp';

describe('Electron window policy', () => {
  it('isolates the page: context isolation, sandbox, no Node in the page', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('lets only plain web links out, through the OS browser', () => {
    expect(isSafeExternalUrl('https://ondaline.example/status')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>',
      'smb://host/share',
      'https://user:pw@x.test',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('only navigates within the app origin', () => {
    expect(isAppUrl('app://vigie/index.html')).toBe(true);
    expect(isAppUrl('https://evil.example/')).toBe(false);
    expect(isAppUrl('app://vigie.evil/index.html')).toBe(false);
  });

  it('answers IPC only from the main frame of the app page', () => {
    expect(isTrustedSender('app://vigie/index.html', true)).toBe(true);
    expect(isTrustedSender('app://vigie/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('uses a CSP without unsafe scripts, in the header and in the page', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    const html = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(html).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('the preload exposes the contract and nothing else', () => {
    const preload = fs.readFileSync(path.join(ROOT, 'preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

describe('the house lint rule', () => {
  it('fails when anything under main/core imports electron', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", {
      filePath: path.join(ROOT, 'main/core/sneaky.ts'),
    });
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const [allowed] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", {
      filePath: path.join(ROOT, 'main/index.ts'),
    });
    expect(allowed!.messages.map((m) => m.ruleId)).not.toContain('no-restricted-imports');
  });
});
