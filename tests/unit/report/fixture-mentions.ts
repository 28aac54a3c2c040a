// The mentions of the report fixture and the plain-SQL insert (with its full-text index rows).
import type Database from 'better-sqlite3';
import { at, XSS_NAME, XSS_TEXT, XSS_URL } from './fixture-constants';

interface M {
  id: string;
  at: number;
  handle: string;
  name?: string;
  reach: number;
  sentiment: number;
  toxicity: number;
  rating?: number;
  cluster?: string;
  text: string;
  url?: string;
  source?: string;
}

/**
 * Before the onset: b1..b4 (ratings 4 and 5). From the onset (08:02) to the close (14:00): 14
 * mentions, 11 distinct authors, reach 8,550, peak minute 08:11 (2), 4 toxic (≥ 0.5) out of 14,
 * ratings 1 and 2, cluster c1 = 5 mentions (4 authors), c2 = 2. Outside the scope: another source
 * (o1) and after the close (late1).
 */
export const MENTIONS: M[] = [
  {
    id: 'reviews:r1',
    at: at(6, 10),
    handle: 'alice',
    reach: 100,
    sentiment: 0.6,
    toxicity: 0,
    rating: 4,
    text: 'Très bon service, rien à dire.',
    url: 'https://reviews.test/r1',
  },
  {
    id: 'x:b2',
    at: at(6, 40),
    handle: 'bob',
    reach: 50,
    sentiment: 0,
    toxicity: 0.1,
    text: "Ondaline, quelqu'un a des nouvelles ?",
  },
  {
    id: 'reviews:r3',
    at: at(7, 10),
    handle: 'carla',
    reach: 80,
    sentiment: 0.3,
    toxicity: 0,
    rating: 5,
    text: 'Réseau stable chez moi.',
  },
  {
    id: 'mastodon:b4',
    at: at(7, 40),
    handle: 'dan',
    reach: 20,
    sentiment: -0.1,
    toxicity: 0,
    text: 'Petite coupure ce matin ?',
  },
  {
    id: 'x:s1',
    at: at(8, 2),
    handle: 'eve',
    name: 'Ève Durand',
    reach: 1000,
    sentiment: -0.8,
    toxicity: 0.2,
    cluster: 'c1',
    text: 'Panne totale chez Ondaline depuis 8h ! 😡🔥',
    url: 'https://x.com/eve/status/1',
  },
  {
    id: 'x:s2',
    at: at(8, 3),
    handle: 'frank',
    reach: 200,
    sentiment: -0.6,
    toxicity: 0.1,
    cluster: 'c1',
    text: 'Panne totale chez Ondaline depuis 8h',
  },
  {
    id: 'bluesky:s3',
    at: at(8, 5),
    handle: 'gina',
    reach: 300,
    sentiment: -0.7,
    toxicity: 0.6,
    cluster: 'c1',
    text: 'Ondaline en panne, encore. Vous êtes nuls.',
  },
  {
    id: 'x:s4',
    at: at(8, 7),
    handle: 'mallory',
    name: XSS_NAME,
    reach: 10,
    sentiment: -0.9,
    toxicity: 0.9,
    text: XSS_TEXT,
    url: 'javascript:alert(1)',
  },
  {
    id: 'reddit:s5',
    at: at(8, 9),
    handle: 'henri',
    reach: 400,
    sentiment: 0,
    toxicity: 0,
    text: 'Quelqu’un sait combien de temps ça va durer ?',
  },
  {
    id: 'x:s6',
    at: at(8, 11),
    handle: 'eve',
    name: 'Ève Durand',
    reach: 1000,
    sentiment: -0.5,
    toxicity: 0.3,
    cluster: 'c1',
    text: 'Toujours en panne totale chez Ondaline',
  },
  {
    id: 'x:s6b',
    at: at(8, 11),
    handle: 'olga',
    reach: 30,
    sentiment: -0.6,
    toxicity: 0.1,
    cluster: 'c1',
    text: 'PANNE TOTALE chez Ondaline',
  },
  {
    id: 'mastodon:s7',
    at: at(8, 13),
    handle: 'ines',
    reach: 150,
    sentiment: -0.2,
    toxicity: 0,
    cluster: 'c2',
    text: '#OndalinePanne rien ne marche',
  },
  {
    id: 'mastodon:s8',
    at: at(8, 14),
    handle: 'jules',
    reach: 150,
    sentiment: -0.3,
    toxicity: 0,
    cluster: 'c2',
    text: '#OndalinePanne rien ne marche ici non plus',
  },
  {
    id: 'reviews:r9',
    at: at(8, 15),
    handle: 'karim',
    reach: 0,
    sentiment: -0.9,
    toxicity: 0.7,
    rating: 1,
    text: 'Une étoile. Inadmissible.',
  },
  {
    id: 'x:s10',
    at: at(9, 0),
    handle: 'mallory',
    name: XSS_NAME,
    reach: 10,
    sentiment: -0.4,
    toxicity: 0.95,
    text: '@hugo_ondaline tu vas le payer',
    url: XSS_URL,
  },
  {
    id: 'reviews:r11',
    at: at(10, 30),
    handle: 'lucie',
    reach: 0,
    sentiment: -0.5,
    toxicity: 0,
    rating: 2,
    text: 'Service client injoignable.',
  },
  {
    id: 'bluesky:s12',
    at: at(12, 0),
    handle: 'gina',
    reach: 300,
    sentiment: 0.4,
    toxicity: 0,
    text: 'Ça revient enfin, merci.',
  },
  {
    id: 'x:s13',
    at: at(13, 30),
    handle: 'nadia_r',
    name: 'Nadia Roux',
    reach: 5000,
    sentiment: 0.02,
    toxicity: 0,
    text: 'Article publié sur la panne Ondaline : https://news.test/a?x=1&y=2',
    url: 'https://news.test/a',
  },
  {
    id: 'x:o1',
    at: at(9, 30),
    handle: 'zoe',
    reach: 999,
    sentiment: 0,
    toxicity: 0,
    text: 'Autre sujet',
    source: 'src-other',
  },
  {
    id: 'x:late1',
    at: at(14, 30),
    handle: 'zoe',
    reach: 999,
    sentiment: 0,
    toxicity: 0,
    text: 'Après la clôture',
  },
];

export function insertMentions(db: Database.Database, rows: M[]): void {
  const ins =
    db.prepare(`INSERT INTO mentions(id, platform, external_id, url, author_handle, author_name, author_followers,
      text, lang, created_at, fetched_at, likes, shares, replies, reach, rating, sentiment, toxicity, cluster_id, source_id)
    VALUES (@id, @platform, @ext, @url, @handle, @name, NULL, @text, 'fr', @at, @at, 0, 0, 0, @reach, @rating, @sentiment,
      @toxicity, @cluster, @source)`);
  const fts = db.prepare(
    'INSERT INTO mentions_fts(rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)',
  );
  for (const m of rows) {
    const [platform, ext] = m.id.split(':') as [string, string];
    const info = ins.run({
      id: m.id,
      platform,
      ext,
      url: m.url ?? null,
      handle: m.handle,
      name: m.name ?? null,
      text: m.text,
      at: m.at,
      reach: m.reach,
      rating: m.rating ?? null,
      sentiment: m.sentiment,
      toxicity: m.toxicity,
      cluster: m.cluster ?? null,
      source: m.source ?? 'src-a',
    });
    fts.run(info.lastInsertRowid, m.text, m.handle, m.name ?? null);
  }
}
