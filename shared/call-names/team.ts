// Call and event names of shared/contract/team.ts, as plain data for the preload.
export const TEAM_CALL_NAMES = [] as const;
export const TEAM_EVENT_NAMES = [] as const;
