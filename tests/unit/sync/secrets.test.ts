import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHost } from '../../../main/core/host';
import { EnvAndFileSecrets } from '../../../main/core/sync/secrets';
import { FileVault } from '../../../main/core/sync/secret-vault';
import { redactConfig } from '../../../main/core/sync/source-view';
import { startPlatformServer } from '../../helpers/platform-server';
import { RESOURCES, WORKER_FILE, tempDir } from '../../helpers/tmp';

const CANARY = 'canary-7f3a9c1e-secret-token-do-not-leak';

function allFilesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hits.push(...allFilesContaining(full, needle));
    else if (fs.readFileSync(full).includes(needle)) hits.push(full);
  }
  return hits;
}

describe('secrets', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: CoreHost;
  beforeEach(async () => {
    tmp = tempDir();
    core = await startCore({
      dbPath: tmp.file('data/v.db'),
      workerFile: WORKER_FILE,
      resourcesDir: RESOURCES,
      tickMs: 0,
    });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('uses a typed token for requests but never shows, stores in the database, or reports it', async () => {
    const seen: string[] = [];
    const server = await startPlatformServer((req) => {
      seen.push(String(req.headers.authorization));
      return { status: 401, body: { error: `The access token ${req.headers.authorization} is invalid` } };
    });
    try {
      await core.call('sources.save', {
        id: 'masto',
        type: 'mastodon',
        name: 'Mentions',
        config: { baseUrl: server.baseUrl, notifications: true },
      });
      await core.call('sources.setSecret', { id: 'masto', secret: CANARY });
      const report = await core.call('sources.runNow', { id: 'masto' });
      expect(seen).toEqual([`Bearer ${CANARY}`]);
      expect(report.status).toBe('auth_error');
      const visible = JSON.stringify([
        report,
        await core.call('sources.list', {}),
        await core.call('quarantine.list', {}),
      ]);
      expect(visible).not.toContain(CANARY);
      await core.close();
      // On disk: only the 0600 secret file holds it, not the database, its WAL or anything else.
      const holders = allFilesContaining(tmp.dir, CANARY);
      expect(holders).toEqual([tmp.file('data/secrets/masto.secret')]);
      expect(fs.statSync(holders[0]!).mode & 0o777).toBe(0o600);
    } finally {
      await server.close();
    }
  });

  it('reads tokens from an environment variable or a private file, and refuses a world-readable one', () => {
    const secrets = new EnvAndFileSecrets({ MY_TOKEN: ' abc \n' });
    expect(secrets.resolve({ tokenEnv: 'MY_TOKEN' })).toBe('abc');
    expect(() => secrets.resolve({ tokenEnv: 'MISSING' })).toThrow(/MISSING is not set/);
    const file = tmp.file('token.txt');
    fs.writeFileSync(file, 'from-file\n', { mode: 0o600 });
    expect(secrets.resolve({ tokenFile: file })).toBe('from-file');
    fs.chmodSync(file, 0o644);
    expect(() => secrets.resolve({ tokenFile: file })).toThrow(/readable by others: run chmod 600/);
  });

  it('keeps secret-looking settings out of what the screens see', () => {
    expect(
      redactConfig({
        baseUrl: 'https://m.s',
        token: 'x',
        apiKey: 'y',
        bearerToken: 'z',
        tokenEnv: 'T',
        key: 'k',
      }),
    ).toEqual({
      baseUrl: 'https://m.s',
      tokenEnv: 'T',
    });
    const vault = new FileVault(tmp.file('v'));
    expect(() => vault.set('../escape', 'x')).toThrow(/Invalid secret reference/);
  });
});
