// Crisis cell: incidents, levels, roles, checklists, statements, triage, timeline events.
// Every name here is also listed in shared/call-names/crisis.ts (checked by tests/unit/contract.test.ts).
// Build calls with `call(request, response)` and `empty` from './call', as shared/contract.ts does.

export const crisisCalls = {} as const;

export const crisisEvents = {} as const;
