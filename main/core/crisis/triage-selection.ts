// Selections for single and bulk actions: a single mention is a selection of one, so every action
// goes through the same checks (deduplicated, bounded, all ids known) and event data shape.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';

const MAX_BULK = 5000;

/** Trimmed, deduplicated ids; refuses an empty or oversized selection. */
export function checkSelection(mentionIds: string[]): string[] {
  const ids = [...new Set(mentionIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) throw new VigieError('bad_request', 'Select at least one mention.');
  if (ids.length > MAX_BULK)
    throw new VigieError('bad_request', `Select ${MAX_BULK} mentions at most at once.`);
  return ids;
}

/** Every id must exist, or the whole selection fails (the caller's transaction rolls back). */
export function requireMentions(
  db: Database,
  ids: string[],
): Map<string, { id: string; routed_to: string | null }> {
  const get = db.prepare('SELECT id, routed_to FROM mentions WHERE id = ?');
  const found = new Map<string, { id: string; routed_to: string | null }>();
  const missing: string[] = [];
  for (const id of ids) {
    const row = get.get(id) as { id: string; routed_to: string | null } | undefined;
    if (row) found.set(id, row);
    else missing.push(id);
  }
  if (missing.length) {
    throw new VigieError(
      'not_found',
      `Unknown mention${missing.length > 1 ? 's' : ''}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}. Nothing was changed.`,
    );
  }
  return found;
}

/** One mention: its id; a selection: the ids and the count. */
export function idsData(ids: string[]): { mentionId: string | null; mentionIds: string[]; count: number } {
  return { mentionId: ids.length === 1 ? ids[0]! : null, mentionIds: ids, count: ids.length };
}
