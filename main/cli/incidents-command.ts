// `vigie incidents [--json]`: the incidents of a store, newest first, to find the id to export.
import { withCore, type Flags } from './core-session';
import { existingDb } from './export-command';

export async function incidentsCommand(flags: Flags): Promise<void> {
  existingDb(flags);
  await withCore(flags, false, async (core) => {
    const { items } = await core.call('incidents.list', {});
    for (const i of items) {
      const opened = new Date(i.openedAt).toISOString();
      if (flags.json)
        console.log(
          JSON.stringify({ id: i.id, title: i.title, level: i.level, status: i.status, opened_at: opened }),
        );
      else console.log(`${i.id}\t${i.level}\t${i.status}\t${opened}\t${i.title}`);
    }
  });
}
