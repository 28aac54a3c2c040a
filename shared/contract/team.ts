// Team: members, rest timers, mental load, protection cases.
// Every name here is also listed in shared/call-names/team.ts (checked by tests/unit/contract.test.ts).
// Build calls with `call(request, response)` and `empty` from './call', as shared/contract.ts does.

export const teamCalls = {} as const;

export const teamEvents = {} as const;
