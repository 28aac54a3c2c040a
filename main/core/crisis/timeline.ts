// The incident's log (timeline_events): filtered lists, the scribe's quick entries (decision / note /
// action) and marker data for the volume chart. Append only: a correction is a new note.
import type { Database } from 'better-sqlite3';
import { VigieError } from '../errors';
import { IncidentsRepo } from '../store/incidents-repo';
import { levelLabel, type CrisisConfig, type Lang, type Localized } from './config';
import { readIncident, requiredActor, requiredText, resolveOptions, type CrisisOptions } from './internal';

export interface TimelineEvent {
  id: number;
  incidentId: string;
  at: number;
  kind: string;
  actor: string | null;
  text: string;
  /** The mention it is about (column, or data.mentionId for events written through addEvent). */
  mentionId: string | null;
  data: unknown;
}

export interface TimelineFilter {
  /** Exact kinds ("level.changed") or families ending in ".*" ("checklist.*"). */
  kinds?: string[];
  actor?: string;
  /** Inclusive window, ms UTC. */
  from?: number;
  to?: number;
  mentionId?: string;
  order?: 'asc' | 'desc';
  limit?: number;
}

export const QUICK_ENTRY_KINDS = ['decision', 'note', 'action'] as const;
export type QuickEntryKind = (typeof QUICK_ENTRY_KINDS)[number];

/** Every kind the crisis modules write (plus incident.opened/closed written by IncidentsRepo). */
export const TIMELINE_KINDS = [
  'incident.opened',
  'incident.stable',
  'incident.reactivated',
  'incident.closed',
  'incident.reopened',
  'level.changed',
  'level.accepted',
  'level.suggestion_dismissed',
  'role.assumed',
  'role.renounced',
  'playbook.applied',
  'checklist.unlocked',
  'checklist.done',
  'checklist.skipped',
  'checklist.reopened',
  'checklist.commented',
  'checklist.rescheduled',
  'checklist.added',
  'clock.started',
  'clock.adjusted',
  'clock.met',
  'statement.drafted',
  'statement.revised',
  'statement.approval_requested',
  'statement.decision',
  'statement.approved',
  'statement.rejected',
  'statement.published',
  'mention.status',
  'mention.assigned',
  'mention.routed',
  'mention.pinned',
  'mention.unpinned',
  'log.decision',
  'log.note',
  'log.action',
] as const;

export type MarkerCategory =
  'incident' | 'level' | 'statement' | 'decision' | 'clock' | 'evidence' | 'action';

/** A point on the chart: where, what, and the text for its tooltip. */
export interface ChartMarker {
  eventId: number;
  kind: string;
  category: MarkerCategory;
  at: number;
  label: string;
  detail: string;
}

/** Kinds drawn on the chart; the rest stays in the log. */
const MARKER_KINDS: Record<string, MarkerCategory> = {
  'incident.opened': 'incident',
  'incident.stable': 'incident',
  'incident.reactivated': 'incident',
  'incident.closed': 'incident',
  'incident.reopened': 'incident',
  'level.changed': 'level',
  'level.accepted': 'level',
  'statement.published': 'statement',
  'log.decision': 'decision',
  'log.action': 'action',
  'clock.started': 'clock',
  'clock.met': 'clock',
  'mention.pinned': 'evidence',
};

const LABELS: Record<string, Localized> = {
  'incident.opened': { fr: 'Ouverture', en: 'Opened' },
  'incident.stable': { fr: 'Situation stabilisée', en: 'Stable' },
  'incident.reactivated': { fr: 'Reprise', en: 'Flared up again' },
  'incident.closed': { fr: 'Clôture', en: 'Closed' },
  'incident.reopened': { fr: 'Réouverture', en: 'Reopened' },
  'statement.published': { fr: 'Prise de parole', en: 'Statement published' },
  'log.decision': { fr: 'Décision', en: 'Decision' },
  'log.action': { fr: 'Action', en: 'Action' },
  'clock.started': { fr: 'Début du délai', en: 'Clock started' },
  'clock.met': { fr: 'Obligation remplie', en: 'Obligation met' },
  'mention.pinned': { fr: 'Preuve épinglée', en: 'Evidence pinned' },
};

interface EventRow {
  id: number;
  incident_id: string;
  at: number;
  kind: string;
  actor: string | null;
  text: string;
  mention_id: string | null;
  data: string | null;
}

const parse = (data: string | null): unknown => {
  if (data === null) return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
};

const toEvent = (r: EventRow): TimelineEvent => ({
  id: r.id,
  incidentId: r.incident_id,
  at: r.at,
  kind: r.kind,
  actor: r.actor,
  text: r.text,
  mentionId: r.mention_id,
  data: parse(r.data),
});

export class TimelineLog {
  private readonly now: () => number;
  private readonly config: CrisisConfig;
  private readonly incidents: IncidentsRepo;

  constructor(
    private readonly db: Database,
    opts: CrisisOptions = {},
  ) {
    ({ now: this.now, config: this.config } = resolveOptions(opts));
    this.incidents = new IncidentsRepo(db);
  }

  list(incidentId: string, filter: TimelineFilter = {}): TimelineEvent[] {
    readIncident(this.db, incidentId);
    const where = ['incident_id = @incidentId'];
    const args: Record<string, unknown> = { incidentId };
    if (filter.kinds && filter.kinds.length > 0) {
      const ors = filter.kinds.map((k, i) => {
        if (k.endsWith('.*')) {
          args[`k${i}`] = `${k.slice(0, -2)}.%`;
          return `kind LIKE @k${i}`;
        }
        args[`k${i}`] = k;
        return `kind = @k${i}`;
      });
      where.push(`(${ors.join(' OR ')})`);
    }
    if (filter.actor !== undefined) {
      where.push('actor = @actor');
      args.actor = filter.actor;
    }
    if (filter.from !== undefined) {
      where.push('at >= @from');
      args.from = filter.from;
    }
    if (filter.to !== undefined) {
      where.push('at <= @to');
      args.to = filter.to;
    }
    if (filter.mentionId !== undefined) {
      where.push(`(mention_id = @mentionId OR json_extract(data, '$.mentionId') = @mentionId
        OR EXISTS (SELECT 1 FROM json_each(data, '$.mentionIds') WHERE value = @mentionId))`);
      args.mentionId = filter.mentionId;
    }
    const dir = filter.order === 'desc' ? 'DESC' : 'ASC';
    args.limit = Math.max(1, Math.min(filter.limit ?? 10_000, 10_000));
    const rows = this.db
      .prepare(
        `SELECT id, incident_id, at, kind, actor, text, mention_id, data FROM timeline_events
         WHERE ${where.join(' AND ')} ORDER BY at ${dir}, id ${dir} LIMIT @limit`,
      )
      .all(args) as EventRow[];
    return rows.map((r) => {
      const e = toEvent(r);
      const fromData = (e.data as { mentionId?: unknown } | null)?.mentionId;
      return e.mentionId === null && typeof fromData === 'string' ? { ...e, mentionId: fromData } : e;
    });
  }

  /** Kinds present in the incident's log with their counts (for the filter menu). */
  kinds(incidentId: string): { kind: string; count: number }[] {
    return this.db
      .prepare(
        'SELECT kind, COUNT(*) AS count FROM timeline_events WHERE incident_id = ? GROUP BY kind ORDER BY kind',
      )
      .all(incidentId) as { kind: string; count: number }[];
  }

  /** People who wrote in the log (for the filter menu). */
  actors(incidentId: string): string[] {
    return (
      this.db
        .prepare(
          'SELECT DISTINCT actor FROM timeline_events WHERE incident_id = ? AND actor IS NOT NULL ORDER BY actor',
        )
        .all(incidentId) as { actor: string }[]
    ).map((r) => r.actor);
  }

  /**
   * The scribe's quick entry: `log.decision`, `log.note` or `log.action`. `at` may be earlier than
   * now (a decision taken a few minutes ago); the entry keeps when it was written.
   */
  add(incidentId: string, kind: QuickEntryKind, text: string, actor: string, at?: number): TimelineEvent {
    requiredActor(actor);
    if (!QUICK_ENTRY_KINDS.includes(kind)) {
      throw new VigieError(
        'bad_request',
        `Unknown entry kind "${String(kind)}"; expected ${QUICK_ENTRY_KINDS.join(', ')}.`,
      );
    }
    const body = requiredText(text, 'The entry text');
    readIncident(this.db, incidentId);
    const now = this.now();
    const when = at ?? now;
    if (when > now) throw new VigieError('bad_request', 'A log entry cannot be dated in the future.');
    this.incidents.addEvent(incidentId, when, `log.${kind}`, actor, body, { recordedAt: now });
    const row = this.db
      .prepare('SELECT * FROM timeline_events WHERE incident_id = ? ORDER BY id DESC LIMIT 1')
      .get(incidentId) as EventRow;
    return toEvent(row);
  }

  /** Marker data for the chart, in `lang`: level changes, statements, decisions, clocks, evidence… */
  markers(incidentId: string, lang: Lang, window: { from?: number; to?: number } = {}): ChartMarker[] {
    return this.list(incidentId, { kinds: Object.keys(MARKER_KINDS), from: window.from, to: window.to }).map(
      (e) => ({
        eventId: e.id,
        kind: e.kind,
        category: MARKER_KINDS[e.kind] ?? 'action',
        at: e.at,
        ...this.describe(e, lang),
      }),
    );
  }

  private describe(e: TimelineEvent, lang: Lang): { label: string; detail: string } {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const loc = (v: unknown) => (v && typeof v === 'object' ? str((v as Record<string, unknown>)[lang]) : '');
    const by = e.actor ? (lang === 'fr' ? ` — par ${e.actor}` : ` — by ${e.actor}`) : '';
    switch (e.kind) {
      case 'level.changed':
      case 'level.accepted': {
        const to = levelLabel(this.config, str(d.to), lang);
        const from = levelLabel(this.config, str(d.from), lang);
        const reasons = Array.isArray(d.reasons) ? d.reasons.map(str).join(' ; ') : str(d.reason);
        const accepted =
          e.kind === 'level.accepted'
            ? lang === 'fr'
              ? ' (suggestion acceptée)'
              : ' (suggestion accepted)'
            : '';
        return {
          label: lang === 'fr' ? `Niveau : ${to}` : `Level: ${to}`,
          detail: `${from} → ${to}${accepted}${reasons ? ` — ${reasons}` : ''}${by}`,
        };
      }
      case 'statement.published':
        return {
          label: LABELS[e.kind]![lang],
          detail: `${e.text}${str(d.channel) ? ` (${str(d.channel)})` : ''}${by}`,
        };
      case 'clock.started':
      case 'clock.met':
        return {
          label: `${LABELS[e.kind]![lang]}${lang === 'fr' ? ' : ' : ': '}${loc(d.label)}`,
          detail: `${e.text}${by}`.trim(),
        };
      case 'mention.pinned':
        return {
          label: LABELS[e.kind]![lang],
          detail: `@${str(d.authorHandle).replace(/^@/, '')}: ${str(d.text).slice(0, 200)}${str(d.url) ? ` ${str(d.url)}` : ''}`,
        };
      default:
        return { label: LABELS[e.kind]?.[lang] ?? e.kind, detail: `${e.text}${by}`.trim() };
    }
  }
}
