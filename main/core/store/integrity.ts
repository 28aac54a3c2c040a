// The health of a store file: SQLite's quick_check at start, and one clear sentence when it fails,
// offering the newest automatic backup.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { latestBackup } from './backup-files';

export interface IntegrityReport {
  ok: boolean;
  /** What SQLite found (at most a few lines), empty when ok. */
  problems: string[];
}

/**
 * `PRAGMA quick_check`: every page and b-tree is readable and well formed (not the index-vs-table
 * cross-check of integrity_check, which costs far more on a large store).
 */
export function quickCheck(db: Database, maxProblems = 5): IntegrityReport {
  try {
    const rows = db.pragma(`quick_check(${maxProblems})`) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
    return { ok: problems.length === 0, problems };
  } catch (err) {
    // A page so damaged that the check itself cannot walk it.
    return { ok: false, problems: [(err as Error).message] };
  }
}

/** The startup message for a damaged store: what happened, that nothing was touched, what to do. */
export function damagedStoreError(file: string, problem: string | undefined): VigieError {
  const backup = latestBackup(file);
  const detail = problem
    ?.replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const what = detail ? ` (${detail.slice(0, 160)})` : '';
  const offer = backup
    ? `The last automatic backup is ${backup.file}, taken ${new Date(backup.at).toISOString()}: restore it with \`vigie restore --db "${file}" --latest\` (the damaged file is kept beside it).`
    : 'No automatic backup of it exists yet: move the file aside to start an empty store.';
  return new VigieError(
    'db_corrupt',
    `${file} is damaged or not a Vigie database${what}; Vigie left it untouched. ${offer}`,
  );
}
