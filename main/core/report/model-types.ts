// Shape of the review model: every section a renderer (Markdown, HTML, PDF) can print.
import type { ActionItem, ReportLang } from '../../../shared/report-model';
import type { Impact, KeyTimes } from './metrics';

export interface TimelineItem {
  at: number;
  kind: string;
  actor: string | null;
  text: string;
  /** The pinned mention, for `mention.pinned` events. */
  evidence: EvidenceItem | null;
}

export interface EvidenceItem {
  mentionAt: number;
  pinnedAt: number;
  platform: string;
  author: string;
  text: string;
  url: string | null;
  sha256: string;
  note: string;
  pinnedBy: string | null;
  unpinned: boolean;
}

export interface StatementItem {
  title: string;
  kind: string;
  lang: string;
  body: string;
  signature: string | null;
  channel: string | null;
  url: string | null;
  publishedAt: number;
  publishedBy: string | null;
  overrideReason: string | null;
}

export interface ApprovalItem {
  title: string;
  kind: string;
  requestedAt: number;
  decidedAt: number | null;
  latencyMs: number | null;
  outcome: string;
  approvers: {
    name: string;
    decision: string;
    latencyMs: number | null;
    comment: string;
    /** Who entered the decision when not the approver (given by phone…). */
    recordedBy: string | null;
  }[];
}

export interface ChecklistSummary {
  onTime: number;
  late: number;
  overdue: number;
  skipped: number;
  open: number;
  noDeadline: number;
  items: {
    title: string;
    phase: string;
    dueAt: number | null;
    doneAt: number | null;
    doneBy: string | null;
    verdict: 'on_time' | 'late' | 'overdue' | 'skipped' | 'open' | 'no_deadline';
  }[];
}

export interface RoutingItem {
  service: string;
  mentions: number;
  first: number;
  last: number;
  by: string[];
}

export interface TeamItem {
  name: string;
  roles: string[];
  dutyMs: number;
  breaksTaken: number;
  breaksSkipped: number;
  exposures: number;
  toxicExposures: number;
  aimedAtSelf: number;
  peakHour: { at: number; count: number } | null;
  maxTlx: number | null;
}

export interface ProtectionItem {
  kind: string;
  status: string;
  startedAt: number;
  cooldownUntil: number;
  closedAt: number | null;
  evidenceCount: number;
  eventCount: number;
  /** Only when private details were chosen. */
  person: { name: string; handles: string[] } | null;
}

export interface ReportModel {
  lang: ReportLang;
  timeZone: string;
  generatedAt: number;
  pseudonymized: boolean;
  includePrivate: boolean;
  incident: {
    id: string;
    title: string;
    level: string;
    maxLevel: string;
    status: string;
    openedAt: number;
    endAt: number;
    closedAt: number | null;
    isDemo: boolean;
  };
  review: { summary: string; wentWell: string[]; wentBadly: string[]; actionItems: ActionItem[] };
  times: KeyTimes;
  impact: Impact;
  timeline: TimelineItem[];
  evidence: EvidenceItem[];
  decisions: { at: number; actor: string | null; text: string }[];
  statements: StatementItem[];
  approvals: ApprovalItem[];
  checklist: ChecklistSummary;
  routing: RoutingItem[];
  team: TeamItem[];
  protection: ProtectionItem[];
  levelLabel: (id: string) => string;
  serviceLabel: (id: string) => string;
  roleLabel: (id: string) => string;
  phaseLabel: (id: string) => string;
}
