// Analysis: alerts, suggested level, what is rising (issue: crisis analysis).
// Every name here is also listed in shared/call-names/analysis.ts (checked by tests/unit/contract.test.ts).
// Build calls with `call(request, response)` and `empty` from './call', as shared/contract.ts does.

export const analysisCalls = {} as const;

export const analysisEvents = {} as const;
