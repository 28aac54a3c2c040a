// A pseudonymized export of the demo storm, as the cell would share it outside: people become aliases,
// links and post ids go, the organisation in the storm keeps its name.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir } from '../../helpers/tmp';

const vigie = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let tmp: ReturnType<typeof tempDir>;
let rows: Record<string, string>[];
let md: string;
beforeAll(() => {
  tmp = tempDir();
  const db = tmp.file('demo.db');
  expect(vigie('demo', '--db', db).code).toBe(0);
  const csv = tmp.file('p.csv');
  const out = vigie('export', 'demo', '--format', 'csv', '--pseudonymize', '--out', csv, '--db', db);
  expect(out.code, out.err).toBe(0);
  rows = Papa.parse<Record<string, string>>(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  }).data;
  const mdFile = tmp.file('p.md');
  expect(vigie('export', 'demo', '--format', 'md', '--pseudonymize', '--out', mdFile, '--db', db).code).toBe(
    0,
  );
  md = fs.readFileSync(mdFile, 'utf8');
}, 180_000);
afterAll(() => tmp.cleanup());

describe('pseudonymized demo export', () => {
  it('has no link and no post id left, in any column', () => {
    expect(rows.length).toBeGreaterThan(4000);
    const all = rows.map((r) => Object.values(r).join(' ')).join('\n');
    expect(all).not.toMatch(/https?:\/\/|www\./);
    // Cluster ids were the id of a cluster's first post (x:186…, bluesky:did…, rss:https://…).
    for (const r of rows) expect(r.cluster_id).toMatch(/^(cluster-[0-9a-f]{6})?$/);
    expect(new Set(rows.map((r) => r.cluster_id)).size).toBeGreaterThan(10); // grouping kept
    expect(rows.some((r) => r.text!.includes('[lien]'))).toBe(true);
  });

  it('keeps the organisation in the storm by name, and aliases the people', () => {
    expect(md).toMatch(/^# Retour d’expérience — Panne nationale Ondaline/m);
    expect(rows.filter((r) => /\bOndaline\b/.test(r.text!)).length).toBeGreaterThan(1000);
    // A person whose handle starts like the brand is still a person.
    const everything = rows.map((r) => Object.values(r).join(' ')).join('\n');
    expect(everything).not.toContain('OndalineFan2024');
    expect(everything).not.toContain('Sylvie Martin'); // a YouTube commenter's name
    expect(
      rows.every((r) => r.author_handle === 'Ondaline' || /^anon-[0-9a-f]{6}$/.test(r.author_handle!)),
    ).toBe(true);
  });
});
