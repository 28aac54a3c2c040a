// The shape of the story: timings, volume curve, what people talk about in each stage, which
// platforms and languages they use. Scenario hours: 0 = start, 10 = outage onset, 36 = end.

export const H = 3_600_000;
export const T = {
  duration: 36 * H,
  onset: 10 * H,
  peak: 12 * H,
  pressQuote: 12.6 * H,
  statement: 15.25 * H,
  fix: 18 * H,
  recovery: 20 * H,
};

// ── Volume: expected mentions per 10 minutes at scenario hour h ──────────────────────────────────
export function rate10(h) {
  if (h < 10) return h < 6 ? 1.5 : h < 8 ? 2.3 : 3.6;
  // The outage hits everyone at once: a burst of "is it down?" reports, then the storm builds.
  if (h < 12) return 4 + 56 * ((h - 10) / 2) ** 1.6 + 70 * Math.exp(-(h - 10) / 0.25);
  if (h < 15.25) return 60 + 9 * Math.sin((Math.PI * (h - 12)) / 3.25);
  if (h < 18) return 50 + 18 * Math.exp(-(h - 15.25) / 0.6);
  if (h < 20) return 48 - 11 * (h - 18) + 9 * Math.exp(-(h - 18) / 0.4);
  const night = h >= 24 && h < 31 ? 0.7 : 2.6;
  const bump = h >= 31.5 ? 5 * Math.exp(-(h - 31.5) / 1.2) : 0;
  return 24 * Math.exp(-(h - 20) / 4.2) + night + bump;
}

/** Stages, each until its end time: they drive topics, ratings and engagement. */
const STAGES = [
  [T.onset, 'baseline'],
  [T.onset + H, 'onset'],
  [T.peak, 'spike'],
  [T.statement, 'peak'],
  [T.fix, 'statement'],
  [T.recovery, 'fix'],
  [28 * H, 'recovery1'],
  [Infinity, 'recovery2'],
];
export const stageOf = (t) => STAGES.find(([end]) => t < end)[1];

// prettier-ignore
export const CATEGORY_WEIGHTS = {
  baseline: { question: 30, positive: 22, promo: 8, officialPromo: 4, complaint: 18, neutral: 18 },
  onset: { report: 58, impact: 14, anger: 10, sarcasm: 5, meme: 3, complaint: 2, journalist: 2, savReply: 4 },
  spike: { report: 30, impact: 14, anger: 20, sarcasm: 9, meme: 6, boycott: 5, refund: 4, abuse: 3, journalist: 3, savReply: 3, defense: 1 },
  peak: { report: 8, impact: 7, anger: 19, boycott: 8, refund: 9, sarcasm: 10, meme: 7, campaign: 14, abuse: 7, harass: 6, journalist: 2.5, savReply: 1.5, defense: 3 },
  statement: { statementReaction: 18, report: 5, impact: 3, anger: 14, refund: 10, boycott: 6, sarcasm: 8, meme: 5, campaign: 10, abuse: 6, harass: 5, journalist: 2.5, savReply: 1.5, defense: 5 },
  fix: { fix: 30, stillDown: 8, anger: 10, statementReaction: 4, refund: 9, sarcasm: 7, meme: 4, campaign: 4, abuse: 3, harass: 2.5, compensation: 8, thanks: 7, defense: 3, journalist: 2 },
  recovery1: { compensation: 20, thanks: 12, lingering: 18, stillDown: 4, boycott: 5, switching: 8, sarcasm: 7, meme: 4, retro: 5, abuse: 2, harass: 1.2, refund: 8, defense: 2, journalist: 1 },
  recovery2: { compensation: 20, lingering: 14, thanks: 8, switching: 9, retro: 8, sarcasm: 5, meme: 2, refund: 5, question: 7, positive: 5, complaint: 8, neutral: 4, abuse: 1 },
};

// prettier-ignore
export const PLATFORM_WEIGHTS = [['x', 35], ['mastodon', 15], ['bluesky', 15], ['reddit', 10], ['youtube', 8], ['facebook', 8], ['rss', 4], ['reviews', 5]];
// prettier-ignore
export const FRENCH_SHARE = { x: 0.75, mastodon: 0.71, bluesky: 0.68, reddit: 0.66, youtube: 0.82, facebook: 0.86, rss: 0.8, reviews: 0.88 };
export const SOCIAL = new Set(['x', 'mastodon', 'bluesky']);

/** Store-review star ratings by stage. */
// prettier-ignore
export const RATINGS = {
  baseline: [[5, 55], [4, 35], [3, 6], [2, 3], [1, 1]],
  outage: [[1, 80], [2, 10], [3, 5], [4, 3], [5, 2]],
  peak: [[1, 90], [2, 6], [3, 2], [4, 1], [5, 1]],
  fix: [[1, 62], [2, 16], [3, 10], [4, 7], [5, 5]],
  recovery1: [[1, 45], [2, 20], [3, 15], [4, 12], [5, 8]],
  recovery2: [[1, 28], [2, 20], [3, 20], [4, 18], [5, 14]],
};
