import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../main/core/demo/scenario';
import { CLI, RESOURCES, ROOT, tempDir } from '../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const vigie = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, VIGIE_DB: '' },
  });

describe('vigie demo and vigie mentions', () => {
  it('loads the whole demo at once, idempotently, and prints stored mentions as JSON lines', () => {
    const db = tmp.file('demo.db');
    const total = loadScenario(RESOURCES).items.length;
    const first = vigie('demo', '--db', db);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`${total} new mentions (${total} in the scenario)`);
    const second = vigie('demo', '--db', db);
    expect(second.stdout).toContain(`0 new mentions (${total} in the scenario)`);

    const out = vigie('mentions', '--db', db, '--limit', '7', '--json');
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(7);
    expect(Object.keys(lines[0]!)).toEqual([
      'id',
      'platform',
      'url',
      'author_handle',
      'author_name',
      'text',
      'lang',
      'created_at',
      'likes',
      'shares',
      'replies',
      'reach',
    ]);
    const times = lines.map((l) => Date.parse(String(l.created_at)));
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(String(lines[0]!.id)).toMatch(/^[a-z]+:.+/);
  });

  it('pages through more than one page when --limit asks for it', () => {
    const db = tmp.file('demo.db');
    vigie('demo', '--db', db);
    const out = vigie('mentions', '--db', db, '--limit', '1200', '--json');
    const ids = out.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(1200);
    expect(new Set(ids).size).toBe(1200);
  });
});

describe('vigie in a shell pipeline', () => {
  it('ends quietly when the reader stops early (| head), and does not linger after its output', async () => {
    const db = tmp.file('demo.db');
    expect(vigie('demo', '--db', db).status).toBe(0);
    const child = spawn(process.execPath, [CLI, 'mentions', '--db', db, '--limit', '5000', '--json'], {
      cwd: ROOT,
      env: { ...process.env, VIGIE_DB: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read one chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    // 'close', not 'exit': a late message on stderr must not be missed.
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('bad input on the command line', () => {
  it('refuses a --db that is not a database, with one clear message, and leaves it untouched', () => {
    const file = tmp.file('report.db');
    fs.writeFileSync(file, 'Quarterly report\n');
    const out = vigie('mentions', '--db', file);
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('is not a SQLite database');
    expect(fs.readFileSync(file, 'utf8')).toBe('Quarterly report\n');
  });

  it('rejects unknown commands, unknown flags and bad numbers', () => {
    expect(vigie('explode').status).toBe(2);
    const flag = vigie('mentions', '--db', tmp.file('x.db'), '--colour');
    expect(flag.status).toBe(1);
    expect(flag.stderr).toMatch(/Unknown option '--colour'/);
    const limit = vigie('mentions', '--db', tmp.file('x.db'), '--limit', 'lots');
    expect(limit.stderr).toMatch(/--limit expects a whole number/);
  });

  it('reading commands refuse a missing or folder --db instead of creating a store', () => {
    const typo = tmp.file('nowhere/typo.db');
    const missing = vigie('mentions', '--db', typo, '--json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`No Vigie database at ${typo}.`);
    expect(fs.existsSync(typo)).toBe(false);
    for (const command of ['mentions', 'backup', 'import']) {
      const folder = vigie(command, ...(command === 'import' ? ['f.ndjson'] : []), '--db', tmp.dir);
      expect(folder.status, command).toBe(1);
      expect(folder.stderr, command).toContain(`${tmp.dir} is a folder, not a database file`);
    }
    const config = vigie('sync', '--db', tmp.file('s.db'), '--config', tmp.dir, '--once');
    expect(config.stderr).toContain(`Cannot read ${tmp.dir}: it is a folder, not a file.`);
  });

  it('a bad serve flag ends the command at once (no core left running with the store)', () => {
    const r = vigie('serve', '--port', 'abc', '--db', tmp.file('p.db'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--port expects a whole number, got "abc".');
    expect(vigie('serve', '--port', '70000', '--db', tmp.file('p.db')).stderr).toContain('up to 65535');
  });

  it("prints one command's usage with --help or -h", () => {
    for (const flag of ['--help', '-h']) {
      const r = vigie('import', flag);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage:\n {2}vigie import +FILE\.\.\. \[--db PATH\] \[--format auto\|ndjson/);
      expect(r.stdout).not.toContain('import-bundle');
    }
  });
});

describe('vigie serve', () => {
  it('prints a token URL when bound beyond loopback, and the token gates the page', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'serve', '--host', '0.0.0.0', '--port', '0', '--no-demo', '--db', tmp.file('s.db')],
      {
        cwd: ROOT,
      },
    );
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      // The two lines may come in separate chunks of output: wait for both.
      await expect.poll(() => out, { timeout: 15_000 }).toMatch(/running at (http:\S+)/);
      await expect.poll(() => out, { timeout: 15_000 }).toMatch(/token was generated/);
      const url = new URL(/running at (http:\S+)/.exec(out)![1]!);
      const token = url.searchParams.get('token');
      expect(token).toBeTruthy();
      const local = `http://127.0.0.1:${url.port}/`;
      expect((await fetch(local)).status).toBe(401);
      expect((await fetch(`${local}?token=${token}`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
