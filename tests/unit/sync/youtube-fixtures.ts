import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers/tmp';

/** Saved Google API bodies and constants shared by the YouTube source and parser-fuzzing tests. */

export type Snippet = Record<string, unknown> & { publishedAt: string; textOriginal: string };
export interface Thread {
  id: string;
  snippet: { videoId: string; totalReplyCount: number; topLevelComment: { id: string; snippet: Snippet } };
}
export interface ThreadList {
  kind: string;
  nextPageToken?: string;
  items: Thread[];
}
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'youtube');
export const fixtureText = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const fixture = <T = ThreadList>(name: string) => JSON.parse(fixtureText(name)) as T;

export const P1 = fixture('threads-p1.json');
export const P2 = fixture('threads-p2.json');
export const NEWER = fixture('threads-newer.json');
export const EMPTY = fixture('threads-empty.json');
export const [C1, C2, C3] = P1.items;
export const [C4] = P2.items;
export const [N1] = NEWER.items;
export const VIDEO = 'dQw4w9WgXcQ';
export const CHANNEL = 'UCq-Fj5jknLsUf-MWSy4_brA';
export const KEY = 'AIzaSyB-k3yN0tT0b3L3ak3d_Xy9Qw8Er7Ty6Ui';
export const NOW = Date.parse('2024-11-19T12:00:00Z');
/** Midnight Pacific (PST, UTC-8) after NOW: when YouTube's daily quota comes back. */
export const QUOTA_RESET = Date.parse('2024-11-20T08:00:00Z');
