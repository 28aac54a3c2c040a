// Post-mortem review and its exports.
// Every name here is also listed in shared/call-names/report.ts (checked by tests/unit/contract.test.ts).
// Build calls with `call(request, response)` and `empty` from './call', as shared/contract.ts does.

export const reportCalls = {} as const;

export const reportEvents = {} as const;
