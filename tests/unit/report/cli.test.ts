// The real `vigie` command (bin/vigie.cjs → dist/cli.cjs, built by `npm run build`), spawned as users run it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../../helpers/tmp';
import { exportText } from './export-helpers';
import { fixtureStore, INCIDENT } from './fixture';

function vigie(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let env: ReturnType<typeof fixtureStore>;
beforeEach(() => {
  env = fixtureStore();
  env.db.close(); // the CLI opens the file itself
});
afterEach(() => env.tmp.cleanup());

describe('vigie incidents / export / import-bundle', () => {
  it('lists incidents as JSON lines', () => {
    const r = vigie('incidents', '--db', env.file, '--json');
    expect(r.code).toBe(0);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        id: INCIDENT,
        title: 'Panne réseau « Ondaline » — mars',
        level: 'alerte',
        status: 'closed',
        opened_at: '2026-03-14T08:20:00.000Z',
      },
    ]);
  });

  it('writes every format; the bundle is the one the core makes in-process', async () => {
    for (const format of ['md', 'html', 'pdf', 'csv', 'json']) {
      const out = env.tmp.file(`r.${format}`);
      const r = vigie('export', INCIDENT, '--format', format, '--out', out, '--db', env.file, '--lang', 'en');
      expect(r.code, r.err).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(500);
    }
    expect(fs.readFileSync(env.tmp.file('r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(env.tmp.file('r.md'), 'utf8')).toContain('# Post-incident review');
    expect(fs.readFileSync(env.tmp.file('r.csv'), 'utf8').startsWith('\ufeffid;platform;')).toBe(true);
    const { openStore } = await import('../../../main/core/store/open');
    const db = openStore(env.file);
    try {
      expect(fs.readFileSync(env.tmp.file('r.json'), 'utf8')).toBe(await exportText(db, { format: 'json' }));
    } finally {
      db.close();
    }
  });

  it('pseudonymizes on request', () => {
    const out = env.tmp.file('p.md');
    expect(
      vigie('export', INCIDENT, '--format', 'md', '--out', out, '--db', env.file, '--pseudonymize').code,
    ).toBe(0);
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toMatch(/@anon-[0-9a-f]{6}/);
    expect(md).not.toContain('Camille Martin');
  });

  it('round trip: export JSON, import-bundle into a new store (twice), export JSON again: identical', () => {
    const first = env.tmp.file('first.json');
    const second = env.tmp.file('second.json');
    const target = env.tmp.file('target.db');
    expect(vigie('export', INCIDENT, '--format', 'json', '--out', first, '--db', env.file).code).toBe(0);
    const a = vigie('import-bundle', first, '--db', target, '--json');
    expect(a.code, a.err).toBe(0);
    expect(JSON.parse(a.out)).toMatchObject({ incidentId: INCIDENT, created: true, mentionsInserted: 18 });
    const b = vigie('import-bundle', first, '--db', target, '--json');
    expect(JSON.parse(b.out)).toEqual({
      incidentId: INCIDENT,
      created: false,
      mentionsInserted: 0,
      rowsInserted: 0,
    });
    expect(vigie('export', INCIDENT, '--format', 'json', '--out', second, '--db', target).code).toBe(0);
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
  });

  it('fails with one clear message and a non-zero exit', () => {
    const out = env.tmp.file('x.md');
    const cases: [string[], RegExp][] = [
      [['export', 'nope', '--format', 'md', '--out', out, '--db', env.file], /No incident with id nope/],
      [
        ['export', INCIDENT, '--format', 'docx', '--out', out, '--db', env.file],
        /--format must be one of md, html, pdf, csv, json/,
      ],
      [['export', INCIDENT, '--format', 'md', '--db', env.file], /needs --out PATH/],
      [['export', '--format', 'md', '--out', out, '--db', env.file], /needs an INCIDENT_ID/],
      [
        ['export', INCIDENT, '--format', 'md', '--out', out, '--db', env.tmp.file('missing.db')],
        /No Vigie database at/,
      ],
      [
        ['export', INCIDENT, '--format', 'md', '--out', out, '--db', env.file, '--lang', 'de'],
        /--lang must be one of fr, en/,
      ],
      [
        ['export', INCIDENT, '--format', 'json', '--out', out, '--db', env.file, '--pseudonymize'],
        /cannot be pseudonymized/,
      ],
      [['export', INCIDENT, '--format', 'md', '--out', env.tmp.dir, '--db', env.file], /is a folder/],
      [['import-bundle', env.file, '--db', env.tmp.file('t.db')], /not JSON/],
      [['import-bundle', env.tmp.file('none.json'), '--db', env.tmp.file('t.db')], /Cannot read/],
    ];
    for (const [args, message] of cases) {
      const r = vigie(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err, args.join(' ')).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});
