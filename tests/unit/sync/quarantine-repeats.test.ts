// A record refused again (a feed re-read every minute with the same bad item, a file imported twice)
// is counted on its first quarantine entry instead of being added again.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../main/core/store/migrations';
import { openStore } from '../../../main/core/store/open';
import { importText, useTestCore } from '../../helpers/core-import';
import { RSS_TYPE, addSource, db, engine, server, useFeedSource } from './feed-fixtures';

describe('quarantine repeats through the core', () => {
  const core = useTestCore();
  const start = core.start;
  const CSV = [
    'Date,Auteur,Texte',
    '2026-11-25 10:00,claire_m,Réseau coupé',
    'mardi dernier,jeanmi57,Panne',
  ].join('\n');

  it('a file imported twice keeps one entry per bad row, refused twice', async () => {
    const host = await start(core.tmp().file('v.db'));
    expect(await importText(host, 'export.csv', CSV)).toMatchObject({ inserted: 1, quarantined: 1 });
    const first = await host.call('quarantine.list', {});
    expect(first.items).toMatchObject([{ code: 'bad_date', seenCount: 1, lastSeenAt: null }]);
    // Each import still says what it refused; the list does not grow.
    expect(await importText(host, 'export.csv', CSV)).toMatchObject({ inserted: 0, quarantined: 1 });
    const second = await host.call('quarantine.list', {});
    expect(second.total).toBe(1);
    expect(second.items).toMatchObject([{ id: first.items[0]!.id, seenCount: 2 }]);
    expect(second.items[0]!.lastSeenAt).toEqual(expect.any(Number));
    // Another bad row is another entry; two identical bad rows of one file are two entries.
    const twice = `${CSV}\n2026-11-25 11:00,lea,\n2026-11-25 11:00,lea,`;
    await importText(host, 'export.csv', twice);
    expect((await host.call('quarantine.list', {})).items.map((q) => [q.code, q.seenCount])).toEqual([
      ['no_text', 1],
      ['no_text', 1],
      ['bad_date', 3],
    ]);
    await importText(host, 'export.csv', twice);
    expect((await host.call('quarantine.list', {})).items.map((q) => [q.code, q.seenCount])).toEqual([
      ['no_text', 2],
      ['no_text', 2],
      ['bad_date', 4],
    ]);
  });

  it('two identical bad lines far apart in a big file stay two entries (the file is read in chunks)', async () => {
    const host = await start(core.tmp().file('big.db'));
    // 25,000 NDJSON lines: more than one chunk of the reader; the same bad line in the first and the second.
    const lines: string[] = [];
    for (let i = 0; i < 25_000; i++) {
      lines.push(
        i === 10 || i === 24_000
          ? '{"platform":"x","text":"coupé au milieu"'
          : JSON.stringify({
              platform: 'x',
              externalId: `n${i}`,
              authorHandle: 'a',
              text: `#${i}`,
              createdAt: 1e12 + i,
            }),
      );
    }
    const file = lines.join('\n');
    expect(await importText(host, 'gros.ndjson', file)).toMatchObject({ inserted: 24_998, quarantined: 2 });
    const first = await host.call('quarantine.list', {});
    expect(first.items.map((q) => q.seenCount)).toEqual([1, 1]);
    // The same file again: each of the two is refused a second time, none is added.
    await importText(host, 'gros.ndjson', file);
    const second = await host.call('quarantine.list', {});
    expect(second.items.map((q) => q.seenCount)).toEqual([2, 2]);
  });

  it('a record stored before the upgrade is recognised when it comes back', async () => {
    const file = core.tmp().file('old.db');
    const before = MIGRATIONS.findIndex((m) => m.name === '0013-quarantine-repeats');
    const old = openStore(file, { targetVersion: before });
    old
      .prepare(
        'INSERT INTO quarantine(source_id, at, reason, code, detail, raw_excerpt) VALUES (NULL, 1, ?, ?, ?, ?)',
      )
      .run(
        'CSV row 3: unreadable date "mardi dernier"',
        'bad_date',
        '{"unit":"row","n":3,"value":"mardi dernier"}',
        'mardi dernier,jeanmi57,Panne',
      );
    old.close();
    const host = await start(file);
    await importText(host, 'export.csv', CSV);
    const { items, total } = await host.call('quarantine.list', {});
    expect(total).toBe(1);
    expect(items).toMatchObject([{ at: 1, seenCount: 2 }]);
  });
});

describe('quarantine repeats of a feed re-read', () => {
  useFeedSource();
  const item = (title: string, date: string) =>
    `<item><title>${title}</title><link>https://journal.example/${encodeURIComponent(title)}</link><pubDate>${date}</pubDate></item>`;
  const feed = (items: string[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Journal</title><link>https://journal.example/</link>${items.join('')}</channel></rss>`;

  it('keeps one entry for an item that stays unreadable, with its latest position', async () => {
    const bad = item('Panne générale', 'mardi dernier');
    let items = [item('Premier', 'Tue, 25 Nov 2026 10:00:00 GMT'), bad];
    server.setHandler(() => ({ status: 200, headers: RSS_TYPE, body: feed(items) }));
    const id = addSource(`${server.baseUrl}/feed.xml`);
    for (let run = 0; run < 3; run++) {
      expect(await engine.runOnce(id)).toMatchObject({ status: 'ok', quarantined: 1 });
      items = [item(`Nouveau ${run}`, 'Tue, 25 Nov 2026 12:00:00 GMT'), ...items];
    }
    const rows = db.prepare('SELECT reason, seen_count FROM quarantine').all();
    expect(rows).toEqual([{ reason: 'RSS item 4: unreadable date "mardi dernier"', seen_count: 3 }]);
  });
});
