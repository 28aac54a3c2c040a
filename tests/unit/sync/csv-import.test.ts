// Complete exports from listening tools (Talkwalker, Meltwater, Digimind, Brandwatch, US and Excel
// exports), parsed or imported end to end.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/tmp';
import { importFile } from '../../../main/core/sync/file-import';
import { parseCsv } from '../../../main/core/sync/formats/csv';
import { ctx, db, fixture, fixturePath, ingestor, local, NOW, row, tmp, useCsvStore } from './csv-fixtures';

useCsvStore();

describe('csv: listening-tool exports', () => {
  it('Talkwalker (comma, UTF-8, epoch-ms dates, −5…5 sentiment, multi-line cells)', () => {
    const r = parseCsv(fixture('talkwalker.csv'), ctx());
    expect(r.quarantined).toEqual([]);
    expect(r.mentions).toHaveLength(3);
    const [tweet, article, reddit] = r.mentions;
    expect(tweet).toMatchObject({
      id: 'x:1861234567890123456', // the tweet id from the URL: meets the X source's copy
      platform: 'x',
      authorHandle: 'claire_m',
      authorName: 'Claire M.',
      createdAt: 1795611780000,
      lang: 'fr',
      reach: 1520,
      likes: 12, // the only engagement figure
      sentiment: -0.6,
    });
    expect(article).toMatchObject({
      platform: 'rss',
      id: 'rss:https://www.journal-reseau.example/2026/11/25/panne-ondaline',
      text: "Panne Ondaline : la cellule de crise mobilisée\n\nLes abonnés d'Ondaline signalent une coupure générale.\nLa direction promet un point à 16 h.",
      authorName: 'Claire Martin',
      authorHandle: 'Claire Martin',
    });
    expect(reddit).toMatchObject({ platform: 'reddit', sentiment: 0, authorHandle: 'jeanmi57' });
  });

  it('Meltwater (UTF-16LE with BOM, TAB, "25-Nov-2026 02:03PM", thousands commas)', async () => {
    const report = await importFile(fixturePath('meltwater.csv'), 'auto', { ingestor, now: () => NOW });
    expect(report).toMatchObject({ format: 'csv', inserted: 2, quarantined: 0 });
    // Tweet Id mangled by Excel (1.86123E+18): the URL's id is used.
    expect(row('x:1861234567890999999')).toMatchObject({
      author_handle: 'mathieu_d',
      text: 'Ça fait 8 h sans réseau, merci @Ondaline 🙃',
      created_at: local(11, 25, 14, 3),
      lang: 'fr',
      reach: 8400,
      author_followers: 8400,
      likes: 20,
      shares: 8,
      replies: 3,
      sentiment: -1,
    });
    expect(row('rss:mw-7781')).toMatchObject({
      text: 'Ondaline outage hits millions\n\nCustomers of Ondaline report no connection & no phone line',
      author_handle: 'Jane Reporter',
      created_at: local(11, 25, 15, 10),
      reach: 1_250_000,
      lang: 'en',
    });
  });

  it('Excel-French (";", UTF-8 BOM, 25/11/2026 14:03, decimal commas): broken rows quarantined by row', async () => {
    const report = await importFile(fixturePath('digimind-fr.csv'), 'auto', { ingestor, now: () => NOW });
    expect(report).toMatchObject({ format: 'csv', inserted: 4, quarantined: 4 });
    expect(row('x:1861234567890123456')).toMatchObject({
      text: 'Toujours aucune connexion chez Ondaline; vous abusez',
      author_handle: 'claire_m',
      created_at: local(11, 25, 14, 3),
      reach: 1520,
      lang: 'fr',
      sentiment: -1,
      likes: 12,
      shares: 4,
      replies: 2,
    });
    expect(row('rss:https://www.journal-reseau.example/2026/11/25/panne-ondaline')).toMatchObject({
      reach: 250_000, // "250 000,5"
      sentiment: 0,
      author_handle: 'Le Journal du Réseau',
    });
    // Day first for the whole column (25/11 proves it): 05/11 is the 5th of November.
    expect(row('reviews:https://avis.example/ondaline/123')).toMatchObject({
      created_at: local(11, 5, 9),
      reach: 12,
    });
    const facebook = db.prepare("SELECT * FROM mentions WHERE platform = 'facebook'").get() as Record<
      string,
      unknown
    >;
    expect(facebook.external_id).toMatch(/^sha1:[0-9a-f]{40}$/); // no id, no URL: a hash of the row
    expect(facebook).toMatchObject({ sentiment: 1, likes: 45, reach: 1200 });
    const reasons = (
      db.prepare('SELECT reason FROM quarantine ORDER BY id').all() as { reason: string }[]
    ).map((q) => q.reason);
    expect(reasons).toEqual([
      'CSV row 5: no text',
      'CSV row 6: no date',
      'CSV row 7: unreadable date "hier soir"',
      'CSV row 8: 13 cells for 12 columns (an unquoted separator in a text?)',
    ]);

    // The same file again: the same ids (including the hashed one), nothing new.
    const again = await importFile(fixturePath('digimind-fr.csv'), 'csv', { ingestor, now: () => NOW });
    expect(again).toMatchObject({ inserted: 0, duplicates: 4 });
  });

  it('Brandwatch (report lines above the header)', () => {
    const r = parseCsv(fixture('brandwatch.csv'), ctx());
    expect(r.quarantined).toEqual([]);
    expect(r.mentions).toMatchObject([
      {
        id: 'x:1861234567890123456',
        text: 'Toujours aucune connexion chez Ondaline depuis ce matin', // the title is its beginning
        authorHandle: 'claire_m',
        authorName: 'Claire M.',
        authorFollowers: 1520,
        reach: 3000,
        shares: 4,
        createdAt: local(11, 25, 14, 3),
      },
      {
        platform: 'rss',
        text: "Ondaline sous le feu des critiques\n\nLa panne géante d'Ondaline relance le débat",
        authorFollowers: null,
      },
    ]);
  });

  it('a US export: month first (11/25 proves it), AM/PM, "12,500"', () => {
    const r = parseCsv(fixture('us-export.csv'), ctx());
    expect(r.mentions).toMatchObject([
      { platform: 'facebook', createdAt: local(11, 25, 14, 3), authorHandle: 'Sam Carter', reach: 340 },
      { platform: 'rss', createdAt: local(3, 4, 9, 15), reach: 12_500 },
    ]);
  });

  it('Excel serial dates, a separate fractional time, TAB', () => {
    const r = parseCsv(fixture('excel-serial.tsv'), ctx('export.tsv'));
    expect(r.mentions).toMatchObject([
      { platform: 'youtube', createdAt: local(11, 25, 14, 3), authorHandle: 'lyon_news' },
      { platform: 'youtube', createdAt: local(11, 25, 15, 0), text: 'Vidéo : la panne expliquée' },
    ]);
  });
});

describe('csv: rows meet the posts their platform sources stored', () => {
  it('Reddit posts and comments, YouTube comments: one mention each, not two', async () => {
    const dir = path.join(ROOT, 'tests', 'fixtures');
    await importFile(path.join(dir, 'reddit', 'comments.json'), 'reddit', { ingestor, now: () => NOW });
    await importFile(path.join(dir, 'youtube', 'threads-p1.json'), 'youtube', { ingestor, now: () => NOW });
    const before = (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
    const csv = tmp.file('listening.csv');
    fs.writeFileSync(
      csv,
      [
        'Date,URL,Source,Hit Sentence',
        '2026-11-25 10:00,https://www.reddit.com/r/france/comments/1gux5k2/panne_ondaline_a_lyon_depuis_ce_matin/lxy3m1a/,Reddit,copie du commentaire',
        '2026-11-25 10:00,https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzKx1gW8mZ4a9bC7Ap4AaABAg,YouTube,copie du commentaire',
        '2026-11-25 10:00,https://redd.it/1zzzzzz,Reddit,un autre fil',
      ].join('\n'),
    );
    const report = await importFile(csv, 'csv', { ingestor, now: () => NOW });
    expect(report).toMatchObject({ inserted: 1, duplicates: 2 });
    expect((db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n).toBe(before + 1);
    expect(row('reddit:t3_1zzzzzz')).toMatchObject({ platform: 'reddit', text: 'un autre fil' });
  });

  it('a row stored by an earlier version under its URL is not stored again', async () => {
    const url = 'https://www.reddit.com/r/france/comments/1gux5k2/panne/';
    ingestor.ingest([
      {
        id: `reddit:${url}`,
        platform: 'reddit',
        externalId: url,
        url,
        authorHandle: 'jeanmi57',
        authorName: null,
        authorFollowers: null,
        text: 'Panne',
        lang: 'fr',
        createdAt: local(11, 25, 10),
        likes: 0,
        shares: 0,
        replies: 0,
        rating: null,
      },
    ]);
    const csv = tmp.file('again.csv');
    fs.writeFileSync(csv, `Date,URL,Source,Hit Sentence\n2026-11-25 10:00,${url},Reddit,Panne\n`);
    expect(await importFile(csv, 'csv', { ingestor, now: () => NOW })).toMatchObject({
      inserted: 0,
      duplicates: 1,
    });
  });
});
