// Quarantine reasons reach the interface as codes it can word in French or English, with the
// unreadable value and the position in the file; the English sentence stays as the technical detail.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { MIGRATIONS } from '../../../main/core/store/migrations';
import { QUARANTINE_CODES, QUARANTINE_UNITS } from '../../../shared/quarantine';
import { en } from '../../../renderer/i18n/en';
import { fr } from '../../../renderer/i18n/fr';
import { importText, useTestCore } from '../../helpers/core-import';

const core = useTestCore();
const start = core.start;

describe('quarantine reasons', () => {
  it('are stored with a code, the unreadable value and the row, beside the English sentence', async () => {
    const host = await start(core.tmp().file('v.db'));
    const csv = [
      'Date,Auteur,Texte',
      '2026-11-25 10:00,claire_m,Toujours pas de réseau',
      '2026-11-25 10:05,mathieu_d,',
      'mardi dernier,jeanmi57,Coupure depuis ce matin',
      '2026-11-25 10:10,lea,un texte,avec une virgule,sans guillemets',
      ',sophie,Pas de date du tout',
    ].join('\n');
    const report = await importText(host, 'export.csv', csv);
    expect(report).toMatchObject({ inserted: 1, quarantined: 4 });
    const { items } = await host.call('quarantine.list', {});
    // Newest first: the last row of the file is the last one set aside.
    expect(items.map(({ code, detail, reason }) => ({ code, detail, reason }))).toEqual([
      { code: 'no_date', detail: { unit: 'row', n: 6 }, reason: 'CSV row 6: no date' },
      {
        code: 'cell_count',
        detail: { unit: 'row', n: 5, cells: 5, columns: 3 },
        reason: 'CSV row 5: 5 cells for 3 columns (an unquoted separator in a text?)',
      },
      {
        code: 'bad_date',
        detail: { unit: 'row', n: 4, value: 'mardi dernier' },
        reason: 'CSV row 4: unreadable date "mardi dernier"',
      },
      { code: 'no_text', detail: { unit: 'row', n: 3 }, reason: 'CSV row 3: no text' },
    ]);
  });

  it('of a platform export name what is missing, without a position when the file has none', async () => {
    const host = await start(core.tmp().file('v.db'));
    const status = {
      id: '1',
      uri: 'https://piaille.example/users/a/statuses/1',
      created_at: '2026-11-25T10:00:00Z',
      content: '<p>Panne</p>',
      account: { acct: 'a@piaille.example' },
    };
    const file = JSON.stringify([
      status,
      { ...status, id: '2', uri: 'https://piaille.example/users/a/statuses/2', created_at: 'hier soir' },
      { ...status, id: '3', uri: 'https://piaille.example/users/a/statuses/3', account: undefined },
      42,
    ]);
    expect(await importText(host, 'masto.json', file, 'mastodon')).toMatchObject({ quarantined: 3 });
    const { items } = await host.call('quarantine.list', {});
    expect(items.map(({ code, detail }) => ({ code, detail }))).toEqual([
      { code: 'not_object', detail: {} },
      { code: 'no_author', detail: {} },
      { code: 'bad_date', detail: { value: 'hier soir' } },
    ]);
  });

  it('set aside before codes existed keep their sentence and no code', async () => {
    const file = core.tmp().file('old.db');
    const before = MIGRATIONS.findIndex((m) => m.name === '0012-quarantine-codes');
    const old = openStore(file, { targetVersion: before });
    old
      .prepare('INSERT INTO quarantine(source_id, at, reason, raw_excerpt) VALUES (NULL, 1, ?, ?)')
      .run('NDJSON line 2: not valid JSON', '{"cut');
    old.close();
    const host = await start(file);
    const { items } = await host.call('quarantine.list', {});
    expect(items).toMatchObject([{ code: null, detail: {}, reason: 'NDJSON line 2: not valid JSON' }]);
  });

  it('with an unknown code or an unreadable detail in the file are still listed', async () => {
    const file = core.tmp().file('v.db');
    openStore(file).close();
    const raw = new Database(file);
    raw
      .prepare(
        'INSERT INTO quarantine(source_id, at, reason, code, detail, raw_excerpt) VALUES (NULL, 1, ?, ?, ?, ?)',
      )
      .run('from a later version', 'some_future_code', '{"n":-4}', 'x');
    raw.close();
    const host = await start(file);
    const { items } = await host.call('quarantine.list', {});
    expect(items).toMatchObject([{ code: null, detail: {}, reason: 'from a later version' }]);
  });

  it('have words in French and in English for every code and position', () => {
    for (const messages of [fr, en]) {
      const q = messages.sources.quarantine;
      for (const code of QUARANTINE_CODES) expect(q.reasons[code], code).toMatch(/\S/);
      for (const unit of QUARANTINE_UNITS) expect(q.where[unit], unit).toContain('{{n}}');
      expect(Object.keys(q.reasons).sort()).toEqual([...QUARANTINE_CODES].sort());
    }
  });
});
