// The bands of the ingest rollups (main/core/sync/ingest.ts), as plain values for the page (shared/
// holds them next to zod, which the page must not load). tests/unit/crisis/feature.test.ts checks the
// core's band; keep both in step.
/** |sentiment| at or below this is neutral. */
export const SENTIMENT_NEUTRAL_BAND_VALUE = 0.05;
/** Toxicity at or above this is toxic. */
export const TOXIC_THRESHOLD_VALUE = 0.5;
