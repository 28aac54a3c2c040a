// Call and event names as plain data: the preload exposes only these, without bundling the schemas.
// tests/unit/contract.test.ts checks they match shared/contract.ts exactly.
import { ANALYSIS_CALL_NAMES, ANALYSIS_EVENT_NAMES } from './call-names/analysis';
import { CRISIS_CALL_NAMES, CRISIS_EVENT_NAMES } from './call-names/crisis';
import { REPORT_CALL_NAMES, REPORT_EVENT_NAMES } from './call-names/report';
import { TEAM_CALL_NAMES, TEAM_EVENT_NAMES } from './call-names/team';

export const CALL_NAME_LIST = [
  'app.info',
  'incidents.list',
  'incidents.focus',
  'incidents.close',
  'incidents.delete',
  'warroom.counters',
  'timeline.volume',
  'mentions.list',
  'sources.list',
  'sources.save',
  'sources.delete',
  'sources.setPaused',
  'sources.runNow',
  'sources.test',
  'sources.setSecret',
  'import.begin',
  'import.chunk',
  'import.commit',
  'quarantine.list',
  'replay.status',
  'replay.control',
  ...ANALYSIS_CALL_NAMES,
  ...CRISIS_CALL_NAMES,
  ...TEAM_CALL_NAMES,
  ...REPORT_CALL_NAMES,
] as const;

export const EVENT_NAME_LIST = [
  'mentions.added',
  'replay.progress',
  'incidents.changed',
  'sources.changed',
  'import.progress',
  ...ANALYSIS_EVENT_NAMES,
  ...CRISIS_EVENT_NAMES,
  ...TEAM_EVENT_NAMES,
  ...REPORT_EVENT_NAMES,
] as const;

export const INVOKE_CHANNEL = 'vigie:call';
export const EVENT_CHANNEL = 'vigie:event';
