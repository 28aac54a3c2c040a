// Who acts from this machine. Every action lands on the incident timeline with an actor: the display
// name of the local member (members.is_local = 1, managed by the team feature) as written at the time,
// so the log and the post-mortem read as people wrote them. Before anyone set up the team, the OS user.
import type { Database } from 'better-sqlite3';
import os from 'node:os';

export function localActor(db: Database): string {
  const row = db.prepare('SELECT display_name FROM members WHERE is_local = 1 AND active = 1').get() as
    { display_name: string } | undefined;
  if (row) return row.display_name;
  try {
    return os.userInfo().username || 'local';
  } catch {
    return 'local';
  }
}

/** An explicit actor (the lead recording for a colleague) wins over the local member. */
export function actorFor(db: Database, requested?: string | null): string {
  const name = requested?.trim();
  return name ? name.slice(0, 120) : localActor(db);
}
