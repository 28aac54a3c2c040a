// Call and event names of shared/contract/analysis.ts, as plain data for the preload.
export const ANALYSIS_CALL_NAMES = [
  'analysis.alerts',
  'analysis.suggestion',
  'analysis.acceptSuggestion',
  'analysis.dismissSuggestion',
  'analysis.rising',
] as const;
export const ANALYSIS_EVENT_NAMES = ['analysis.alert', 'analysis.suggestion'] as const;
