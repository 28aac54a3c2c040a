// Call and event names of shared/contract/report.ts, as plain data for the preload.
export const REPORT_CALL_NAMES = [
  'report.review.get',
  'report.review.save',
  'report.export',
  'report.importBundle',
] as const;
export const REPORT_EVENT_NAMES = [] as const;
