// The crisis cell's core: one entry point for the service to wire (see the report of this module).
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { ChecklistRepo } from './checklist';
import { ClocksRepo } from './clocks';
import { crisisConfig, type CrisisConfig } from './config';
import { LevelsService } from './levels';
import { loadLibrary, type PlaybookLibrary } from './playbooks/loader';
import { RolesRepo } from './roles';
import { StatementsRepo } from './statements';
import { TimelineLog } from './timeline';
import { TriageRepo } from './triage';

export * from './checklist';
export * from './clocks';
export * from './config';
export * from './levels';
export * from './level-history';
export * from './playbooks/loader';
export * from './playbooks/schema';
export * from './roles';
export * from './schema.sql';
export * from './statements';
export * from './templates';
export * from './timeline';
export * from './triage';
export type { CrisisOptions, IncidentState } from './internal';

/** Where playbooks are read from: the shipped ones, then the user's (which win on equal ids). */
export function playbookFolders(resourcesDir: string, dataDir: string): string[] {
  return [path.join(resourcesDir, 'playbooks'), path.join(dataDir, 'playbooks')];
}

export interface Crisis {
  config: CrisisConfig;
  levels: LevelsService;
  roles: RolesRepo;
  checklist: ChecklistRepo;
  clocks: ClocksRepo;
  statements: StatementsRepo;
  triage: TriageRepo;
  timeline: TimelineLog;
  /** Reload after the user edits a playbook (errors are in library.errors). */
  reloadLibrary(): PlaybookLibrary;
  library(): PlaybookLibrary;
}

export function createCrisis(
  db: Database,
  opts: { now?: () => number; config?: Partial<CrisisConfig>; playbookFolders: string[] },
): Crisis {
  const config = crisisConfig(opts.config);
  const o = { now: opts.now, config };
  let library: PlaybookLibrary | null = null;
  const reloadLibrary = () => (library = loadLibrary(opts.playbookFolders, config));
  return {
    config,
    levels: new LevelsService(db, o),
    roles: new RolesRepo(db, o),
    checklist: new ChecklistRepo(db, o),
    clocks: new ClocksRepo(db, o),
    statements: new StatementsRepo(db, o),
    triage: new TriageRepo(db, o),
    timeline: new TimelineLog(db, o),
    reloadLibrary,
    library: () => library ?? reloadLibrary(),
  };
}
