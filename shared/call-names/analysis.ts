// Call and event names of shared/contract/analysis.ts, as plain data for the preload.
export const ANALYSIS_CALL_NAMES = [] as const;
export const ANALYSIS_EVENT_NAMES = [] as const;
