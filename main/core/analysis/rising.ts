// "What's rising" over a window of the stream: terms and hashtags counted once per voice (a cluster
// of copies is one voice), the biggest clusters (one voice, N echoes), and authors by reach.
import type { Database } from 'better-sqlite3';
import type { Rising } from '../../../shared/analysis-model';
import type { Platform } from '../../../shared/model';
import { SENTIMENT_NEUTRAL_BAND } from '../../../shared/thresholds';
import { topHashtags, topTerms } from './top-terms';

/** Texts read for terms: the newest voices of the window, enough to rank, bounded for big windows. */
const MAX_VOICES = 5_000;

export function rising(db: Database, from: number, to: number, limit: number): Rising {
  const totals = db
    .prepare(
      `SELECT COUNT(*) AS total, COUNT(DISTINCT COALESCE(cluster_id, id)) AS voices
       FROM mentions WHERE created_at >= ? AND created_at < ?`,
    )
    .get(from, to) as { total: number; voices: number };
  const voiceTexts = db
    .prepare(
      `SELECT MIN(text) AS text FROM mentions WHERE created_at >= ? AND created_at < ?
       GROUP BY COALESCE(cluster_id, id) ORDER BY MAX(created_at) DESC LIMIT ?`,
    )
    .pluck()
    .all(from, to, MAX_VOICES) as string[];
  const clusters = db
    .prepare(
      `SELECT cluster_id AS clusterId, COUNT(*) AS copies, COUNT(DISTINCT author_handle) AS authors,
         SUM(reach) AS reach, MIN(text) AS text
       FROM mentions WHERE created_at >= ? AND created_at < ? AND cluster_id IS NOT NULL
       GROUP BY cluster_id HAVING copies >= 2 ORDER BY copies DESC, reach DESC LIMIT ?`,
    )
    .all(from, to, limit) as {
    clusterId: string;
    copies: number;
    authors: number;
    reach: number;
    text: string;
  }[];
  const authors = db
    .prepare(
      `SELECT author_handle AS handle, MAX(author_name) AS name, platform, MAX(reach) AS reach,
         COUNT(*) AS mentions, COALESCE(SUM(sentiment < -${SENTIMENT_NEUTRAL_BAND}), 0) AS negative
       FROM mentions WHERE created_at >= ? AND created_at < ?
       GROUP BY author_handle, platform ORDER BY MAX(reach) DESC, mentions DESC LIMIT ?`,
    )
    .all(from, to, limit) as {
    handle: string;
    name: string | null;
    platform: Platform;
    reach: number;
    mentions: number;
    negative: number;
  }[];
  return {
    from,
    to,
    total: totals.total,
    voices: totals.voices,
    terms: topTerms(voiceTexts, limit),
    hashtags: topHashtags(voiceTexts, limit),
    clusters: clusters.map((c) => ({
      ...c,
      text: c.text.slice(0, 280),
      share: totals.total ? Math.round((c.copies / totals.total) * 1000) / 1000 : 0,
    })),
    authors,
  };
}
