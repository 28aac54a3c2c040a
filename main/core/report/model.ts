// The review as one model: what every renderer (Markdown, HTML, PDF) prints, in one language, with
// authors and members already replaced by aliases when pseudonymization was chosen.
import type { ReportLang } from '../../../shared/report-model';
import { crisisConfig, levelRank, type CrisisConfig } from '../crisis/config';
import type { Aliaser } from './aliases';
import { impactOf, keyTimes } from './metrics';
import { protectionOf, teamOf } from './model-people';
import type {
  ApprovalItem,
  ChecklistSummary,
  EvidenceItem,
  ReportModel,
  StatementItem,
  TimelineItem,
} from './model-types';
import type { IncidentRecord, Row } from './record';
import { jsonArray, num, parseData, str, strOrNull } from './row-values';

export type {
  ApprovalItem,
  ChecklistSummary,
  EvidenceItem,
  ProtectionItem,
  ReportModel,
  RoutingItem,
  StatementItem,
  TeamItem,
  TimelineItem,
} from './model-types';

export interface ModelOptions {
  lang: ReportLang;
  timeZone: string;
  generatedAt: number;
  includePrivate: boolean;
  aliases: Aliaser;
  config?: CrisisConfig;
  /** The incident's title in the document's language when Vigie wrote it (the demo's); else as stored. */
  title?: string;
}

/** Kinds that tell the story; the rest (checklist ticks, triage) has its own section or stays in CSV. */
export const KEY_KINDS = new Set([
  'incident.opened',
  'incident.stable',
  'incident.reactivated',
  'incident.closed',
  'incident.reopened',
  'level.changed',
  'level.accepted',
  'alert',
  'role.assumed',
  'playbook.applied',
  'clock.started',
  'clock.met',
  'statement.published',
  'log.decision',
  'log.action',
  'log.note',
  'mention.pinned',
]);

function evidenceOf(e: Row, a: Aliaser): EvidenceItem {
  return {
    mentionAt: Number(e.mention_created_at),
    pinnedAt: Number(e.pinned_at),
    platform: str(e.platform),
    author: a.author(str(e.author_handle)),
    text: a.text(str(e.text)),
    url: a.url(strOrNull(e.url)),
    sha256: str(e.sha256),
    note: a.text(str(e.note)),
    pinnedBy: a.member(strOrNull(e.pinned_by)),
    unpinned: e.unpinned_at !== null && e.unpinned_at !== undefined,
  };
}

export function buildModel(record: IncidentRecord, o: ModelOptions): ReportModel {
  const config = o.config ?? crisisConfig();
  const a = o.aliases;
  const lang = o.lang;
  const label = (list: { id: string; label: { fr: string; en: string } }[], id: string) =>
    list.find((x) => x.id === id)?.label[lang] ?? id;
  const t = record.tables;
  const inc = record.incident;
  const times = keyTimes(record);
  const impact = impactOf(record, times.onset.at);

  // Highest level reached: the current one or any level an event moved through.
  let maxLevel = str(inc.level);
  for (const e of t.timeline_events) {
    if (e.kind !== 'level.changed' && e.kind !== 'level.accepted') continue;
    const d = parseData(e.data);
    for (const l of [d.from, d.to])
      if (typeof l === 'string' && levelRank(config, l) > levelRank(config, maxLevel)) maxLevel = l;
  }

  const evidenceByMention = new Map(t.evidence.map((e) => [str(e.mention_id), e]));
  const isProtection = (kind: string) => kind.startsWith('protection');
  const timeline: TimelineItem[] = t.timeline_events
    .filter((e) => KEY_KINDS.has(str(e.kind)) || isProtection(str(e.kind)))
    .map((e) => {
      const kind = str(e.kind);
      const d = parseData(e.data);
      const mentionId = strOrNull(e.mention_id) ?? strOrNull(d.mentionId);
      const pinned = kind === 'mention.pinned' && mentionId ? evidenceByMention.get(mentionId) : undefined;
      let text = str(e.text);
      if (kind === 'level.changed' || kind === 'level.accepted') {
        const arrow = `${label(config.levels, str(d.from))} → ${label(config.levels, str(d.to))}`;
        text = text ? `${arrow} — ${text}` : arrow;
      }
      // Opening an incident records its title: the one in the document's language when known.
      if (kind === 'incident.opened' && o.title && text === str(inc.title)) text = o.title;
      // A protected person's events say who they are: only their kind stays unless chosen.
      if (isProtection(kind) && !o.includePrivate) text = '';
      return {
        at: Number(e.at),
        kind,
        actor: a.member(strOrNull(e.actor)),
        text: a.text(text),
        evidence: pinned ? evidenceOf(pinned, a) : null,
      };
    });

  const approvalsBy = new Map<number, Row[]>();
  for (const r of t.statement_approvals) {
    const id = Number(r.statement_id);
    approvalsBy.set(id, [...(approvalsBy.get(id) ?? []), r]);
  }
  const approvals: ApprovalItem[] = t.statements
    .filter((s) => num(s.requested_at) !== null)
    .map((s) => {
      const requestedAt = Number(s.requested_at);
      const decidedAt = num(s.decided_at);
      const chain = (approvalsBy.get(Number(s.id)) ?? []).filter((r) => r.version === s.version);
      return {
        title: a.text(str(s.title)),
        kind: str(s.kind),
        requestedAt,
        decidedAt,
        latencyMs: decidedAt === null ? null : decidedAt - requestedAt,
        outcome: str(s.status),
        approvers: chain.map((r) => ({
          name: a.member(str(r.approver)) ?? '',
          decision: str(r.decision),
          latencyMs: num(r.decided_at) === null ? null : Number(r.decided_at) - Number(r.requested_at),
          comment: a.text(str(r.comment)),
          recordedBy: strOrNull(r.recorded_by) === null ? null : (a.member(str(r.recorded_by)) ?? ''),
        })),
      };
    });

  const statements: StatementItem[] = t.statements
    .filter((s) => s.status === 'published')
    .map((s) => ({
      title: a.text(str(s.title)),
      kind: str(s.kind),
      lang: str(s.lang),
      body: a.text(str(s.body)),
      signature: strOrNull(s.signature),
      channel: strOrNull(s.channel),
      url: strOrNull(s.published_url),
      publishedAt: Number(s.published_at),
      publishedBy: a.member(strOrNull(s.published_by)),
      overrideReason: strOrNull(s.override_reason) === null ? null : a.text(str(s.override_reason)),
    }))
    .sort((x, y) => x.publishedAt - y.publishedAt);

  const end = record.scope.to;
  const checklist: ChecklistSummary = {
    onTime: 0,
    late: 0,
    overdue: 0,
    skipped: 0,
    open: 0,
    noDeadline: 0,
    items: [],
  };
  for (const c of t.checklist_items) {
    if (c.unlocked_at === null && c.status === 'todo') continue; // never reached its level
    const due = num(c.due_at);
    const done = num(c.done_at);
    let verdict: ChecklistSummary['items'][number]['verdict'];
    if (c.status === 'skipped') verdict = 'skipped';
    else if (due === null) verdict = 'no_deadline';
    else if (c.status === 'done') verdict = done! <= due ? 'on_time' : 'late';
    else verdict = due < end ? 'overdue' : 'open';
    const key = {
      on_time: 'onTime',
      late: 'late',
      overdue: 'overdue',
      skipped: 'skipped',
      open: 'open',
      no_deadline: 'noDeadline',
    } as const;
    checklist[key[verdict]]++;
    checklist.items.push({
      title: str(lang === 'fr' ? c.title_fr : c.title_en),
      phase: str(c.phase),
      dueAt: due,
      doneAt: done,
      doneBy: a.member(strOrNull(c.done_by)),
      verdict,
    });
  }

  const routingMap = new Map<
    string,
    { mentions: Set<string>; first: number; last: number; by: Set<string> }
  >();
  for (const r of t.routing_log) {
    const s = str(r.service);
    const g = routingMap.get(s) ?? { mentions: new Set(), first: Infinity, last: -Infinity, by: new Set() };
    g.mentions.add(str(r.mention_id));
    g.first = Math.min(g.first, Number(r.routed_at));
    g.last = Math.max(g.last, Number(r.routed_at));
    if (typeof r.routed_by === 'string') g.by.add(a.member(r.routed_by)!);
    routingMap.set(s, g);
  }
  const routing = [...routingMap]
    .map(([service, g]) => ({
      service,
      mentions: g.mentions.size,
      first: g.first,
      last: g.last,
      by: [...g.by].sort(),
    }))
    .sort((x, y) => y.mentions - x.mentions || x.service.localeCompare(y.service));

  return {
    lang,
    timeZone: o.timeZone,
    generatedAt: o.generatedAt,
    pseudonymized: a.active,
    includePrivate: o.includePrivate,
    incident: {
      id: str(inc.id),
      title: a.text(o.title ?? str(inc.title)),
      level: str(inc.level),
      maxLevel,
      status: str(inc.status),
      openedAt: Number(inc.opened_at),
      endAt: end,
      closedAt: num(inc.closed_at),
      isDemo: inc.is_demo === 1,
    },
    review: reviewOf(record.review, a),
    times,
    impact: { ...impact, clusters: impact.clusters.map((c) => ({ ...c, sample: a.text(c.sample) })) },
    timeline,
    evidence: t.evidence.filter((e) => e.unpinned_at === null).map((e) => evidenceOf(e, a)),
    decisions: t.timeline_events
      .filter((e) => e.kind === 'log.decision')
      .map((e) => ({ at: Number(e.at), actor: a.member(strOrNull(e.actor)), text: a.text(str(e.text)) })),
    statements,
    approvals,
    checklist,
    routing,
    team: teamOf(record, end, a),
    protection: protectionOf(record, o.includePrivate, a),
    levelLabel: (id) => label(config.levels, id),
    serviceLabel: (id) => label(config.services, id),
    roleLabel: (id) => label(config.roles, id),
    phaseLabel: (id) => label(config.phases, id),
  };
}

function reviewOf(row: Row | null, a: Aliaser): ReportModel['review'] {
  const lines = (v: unknown) =>
    jsonArray(v)
      .filter((x): x is string => typeof x === 'string')
      .map(a.text);
  return {
    summary: a.text(str(row?.summary)),
    wentWell: lines(row?.went_well),
    wentBadly: lines(row?.went_badly),
    actionItems: jsonArray(row?.action_items).flatMap((x) => {
      if (!x || typeof x !== 'object') return [];
      const i = x as Record<string, unknown>;
      const owner = str(i.owner);
      return [
        { text: a.text(str(i.text)), owner: owner ? (a.member(owner) ?? '') : '', due: strOrNull(i.due) },
      ];
    }),
  };
}
