// Call and event names as plain data: the preload exposes only these, without bundling the schemas.
// tests/unit/contract.test.ts checks they match shared/contract.ts exactly.
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
] as const;

export const EVENT_NAME_LIST = [
  'mentions.added',
  'replay.progress',
  'incidents.changed',
  'sources.changed',
  'import.progress',
] as const;

export const INVOKE_CHANNEL = 'vigie:call';
export const EVENT_CHANNEL = 'vigie:event';
