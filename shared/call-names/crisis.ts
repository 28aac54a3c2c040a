// Call and event names of shared/contract/crisis.ts, as plain data for the preload.
export const CRISIS_CALL_NAMES = [] as const;
export const CRISIS_EVENT_NAMES = [] as const;
