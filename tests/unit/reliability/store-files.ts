// Helpers for the reliability tests: real store files, damaged on purpose, and the CLI run on them.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { openStore } from '../../../main/core/store/open';
import { Ingestor } from '../../../main/core/sync/ingest';
import { makeMentions } from '../../helpers/mentions';
import { CLI, ROOT } from '../../helpers/tmp';

export const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A closed store (WAL checkpointed into the file) holding `count` mentions. */
export function storeWith(file: string, count: number, prefix = 'm'): void {
  const db = openStore(file);
  new Ingestor(db).ingest(makeMentions(count, { prefix }));
  db.close();
}

/**
 * Flips the first bytes of three pages spread over the file (their b-tree headers): what a bad sector
 * or a torn copy does, and what SQLite's quick_check must notice.
 */
export function flipPages(file: string): void {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) || 65536;
  const pages = Math.floor(bytes.length / pageSize);
  for (const fraction of [0.25, 0.5, 0.75]) {
    const at = Math.max(1, Math.floor(pages * fraction)) * pageSize;
    for (let i = 0; i < 8; i++) bytes[at + i]! ^= 0xff;
  }
  fs.writeFileSync(file, bytes);
}

export function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
