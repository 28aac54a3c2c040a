import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigieError } from '../../../main/core/errors';
import { backupNow } from '../../../main/core/store/backup';
import { listBackups } from '../../../main/core/store/backup-files';
import { openStore } from '../../../main/core/store/open';
import { Ingestor } from '../../../main/core/sync/ingest';
import { makeMentions } from '../../helpers/mentions';
import { storeInvariants } from '../../helpers/store-checks';
import { CLI, ROOT, tempDir } from '../../helpers/tmp';
import { cli, flipPages, sha, storeWith } from './store-files';

let tmp: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  tmp = tempDir();
  file = tmp.file('vigie.db');
});
afterEach(() => tmp.cleanup());

/** 2,000 mentions, an automatic backup of them, then 500 more that the backup does not have. */
async function storeWithBackup(): Promise<string> {
  const db = openStore(file);
  const ingestor = new Ingestor(db);
  ingestor.ingest(makeMentions(2000));
  const backup = await backupNow(db, file, { now: Date.UTC(2026, 10, 27, 9, 30) });
  ingestor.ingest(makeMentions(500, { prefix: 'later' }));
  db.close();
  return backup.file;
}

function openError(): VigieError {
  try {
    openStore(file).close();
  } catch (err) {
    return err as VigieError;
  }
  throw new Error('the damaged store was opened');
}

describe('a damaged store at start', () => {
  it('is refused with one message offering the last automatic backup, and left untouched', async () => {
    const backup = await storeWithBackup();
    flipPages(file);
    const before = sha(file);
    const err = openError();
    expect(err).toBeInstanceOf(VigieError);
    expect(err.code).toBe('db_corrupt');
    expect(err.message).toContain(`${file} is damaged`);
    expect(err.message).toContain('left it untouched');
    expect(err.message).toContain(backup);
    expect(err.message).toContain('2026-11-27T09:30:00.000Z');
    expect(err.message).toContain(`vigie restore --db "${file}" --latest`);
    expect(err.message).not.toMatch(/\n|\*\*\*/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('says when no backup exists yet', () => {
    storeWith(file, 2000);
    flipPages(file);
    expect(openError().message).toMatch(/No automatic backup of it exists yet/);
  });

  it('the CLI prints the message and exits; `vigie restore --latest` brings the backup back', async () => {
    await storeWithBackup();
    flipPages(file);
    const damaged = sha(file);

    const refused = cli(['mentions', '--db', file, '--limit', '1']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/is damaged .*last automatic backup is .*vigie restore/);

    const restored = cli(['restore', '--db', file, '--latest']);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/^Restored .* from .*backups/m);
    const kept = /kept as (\S+)\.$/m.exec(restored.stdout)?.[1];
    expect(kept && sha(kept)).toBe(damaged);

    const listed = cli(['mentions', '--db', file, '--limit', '5000', '--json']);
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split('\n')).toHaveLength(2000);
    const db = openStore(file);
    expect(storeInvariants(db)).toEqual({ mentions: 2000, ftsOk: true, rollupsOk: true });
    db.close();
  });

  it('web mode prints the same message and stops instead of serving', async () => {
    await storeWithBackup();
    flipPages(file);
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // 'close', not 'exit': the output may still be in the pipes when the process exits.
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out).not.toMatch(/running at/);
    expect(out).toMatch(/vigie serve: .* is damaged .*vigie restore --db/);
  });

  it('restore refuses a damaged backup or a file that is not a store, and changes nothing', async () => {
    const backup = await storeWithBackup();
    flipPages(backup);
    const notes = tmp.file('notes.db');
    fs.writeFileSync(notes, 'not a database');
    const before = sha(file);
    for (const from of [backup, notes, tmp.file('missing.db')]) {
      const r = cli(['restore', '--db', file, '--from', from]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot be restored|No backup at/);
      expect(sha(file)).toBe(before);
    }
    expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('damaged') || f.endsWith('.restoring'))).toEqual(
      [],
    );
  });

  it('restore without a choice lists the backups instead of guessing', async () => {
    const backup = await storeWithBackup();
    const r = cli(['restore', '--db', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--from FILE, or --latest');
    expect(r.stderr).toContain(path.basename(backup));
    expect(listBackups(file)).toHaveLength(1);
  });
});
