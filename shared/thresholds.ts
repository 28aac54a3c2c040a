// The two bands every part reads (ingest rollups, analysis, reports, triage filters, the feed's
// colours). Plain values with no imports, so the page can load them without zod.

/** |sentiment| at or below this is neutral. */
export const SENTIMENT_NEUTRAL_BAND = 0.05;
/** Toxicity at or above this counts as toxic. */
export const TOXIC_THRESHOLD = 0.5;
