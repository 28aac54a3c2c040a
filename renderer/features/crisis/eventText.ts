// What a timeline event says, in the interface's language, from its structured data (the stored
// `text` is written in the cell's language; people's own words are shown as they typed them).
import type { TFunction } from 'i18next';
import type { CrisisCatalog, LogEvent } from '../../../shared/crisis-model';

type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function localized(v: unknown, lang: string): string {
  if (!v || typeof v !== 'object') return '';
  const o = v as Data;
  return str(lang.startsWith('en') ? o.en : o.fr) || str(o.fr) || str(o.en);
}

export interface EventDescription {
  /** Short, for the marker tooltip and the log's kind column. */
  label: string;
  /** One line of detail (may be empty). */
  detail: string;
  /** Marker family: level, checklist, statement, decision, note, action, evidence, incident, clock, alert. */
  family: string;
}

export function familyOf(kind: string): string {
  if (kind === 'log.decision') return 'decision';
  if (kind === 'log.note') return 'note';
  if (kind === 'log.action') return 'action';
  if (kind === 'mention.pinned' || kind === 'mention.unpinned') return 'evidence';
  if (kind === 'alert' || kind.startsWith('analysis.')) return 'alert';
  const head = kind.split('.')[0] ?? kind;
  if (head === 'mention') return 'triage';
  return head;
}

export function describeEvent(
  e: LogEvent,
  t: TFunction,
  lang: string,
  catalog: CrisisCatalog | null,
  /** How the interface names the incident (the demo's title is translated). */
  incidentTitle?: string,
): EventDescription {
  const d = (e.data && typeof e.data === 'object' ? e.data : {}) as Data;
  const family = familyOf(e.kind);
  const label = t(`crisis.kinds.${e.kind}`, { defaultValue: e.kind });
  const levelName = (id: unknown) => t(`incident.level.${str(id)}`, { defaultValue: str(id) });
  const roleName = (id: unknown) => t(`crisis.roles.${str(id)}`, { defaultValue: str(id) });
  const serviceName = (id: unknown) => {
    const s = catalog?.services.find((x) => x.id === str(id));
    return s ? localized(s.label, lang) : str(id);
  };
  const count = num(d.count) ?? (Array.isArray(d.mentionIds) ? d.mentionIds.length : 1);
  let detail = e.text;
  switch (e.kind) {
    case 'incident.opened':
      detail = incidentTitle ?? e.text;
      break;
    case 'incident.perimeter':
      detail = Array.isArray(d.terms) ? d.terms.map(str).join(', ') : e.text;
      break;
    case 'level.changed':
    case 'level.accepted': {
      const why = Array.isArray(d.reasons) ? d.reasons.map(str).join(' ; ') : str(d.reason);
      detail = `${levelName(d.from)} → ${levelName(d.to)}${why ? ` — ${why}` : ''}`;
      break;
    }
    case 'level.suggestion_dismissed':
      detail = `${levelName(d.level)} — ${e.text}`;
      break;
    case 'role.assumed':
      detail = t('crisis.log.roleAssumed', { member: str(d.member), role: roleName(d.role) });
      break;
    case 'role.renounced':
      detail = t('crisis.log.roleRenounced', { member: str(d.member), role: roleName(d.role) });
      break;
    case 'playbook.applied':
      detail = localized(d.title, lang) || e.text;
      break;
    case 'checklist.unlocked':
      detail = t('crisis.log.unlocked', {
        count: Array.isArray(d.itemIds) ? d.itemIds.length : 0,
        level: levelName(d.level),
      });
      break;
    case 'checklist.done':
    case 'checklist.skipped':
    case 'checklist.reopened':
    case 'checklist.commented':
    case 'checklist.rescheduled':
    case 'checklist.added': {
      const title = localized(d.title, lang);
      detail = e.text && e.text !== title ? `${title} — ${e.text}` : title;
      break;
    }
    case 'clock.started':
    case 'clock.adjusted':
    case 'clock.met':
      detail = `${localized(d.label, lang)}${e.text ? ` — ${e.text}` : ''}`;
      break;
    case 'statement.approval_requested':
      detail = t('crisis.log.approvalRequested', {
        approvers: Array.isArray(d.approvers) ? d.approvers.map(str).join(', ') : e.text,
      });
      break;
    case 'statement.decision':
      detail = `${t(`crisis.statements.decision.${str(d.decision)}`, { defaultValue: str(d.decision) })}${e.text ? ` — ${e.text}` : ''}`;
      if (str(d.recordedBy)) detail += ` · ${t('crisis.statements.recordedBy', { who: str(d.recordedBy) })}`;
      break;
    case 'statement.published':
      detail = `${e.text}${str(d.channel) ? ` (${str(d.channel)})` : ''}`;
      break;
    case 'mention.status':
      detail = t('crisis.log.status', {
        count,
        status: t(`crisis.triage.status.${str(d.status)}`, { defaultValue: str(d.status) }),
      });
      break;
    case 'mention.assigned':
      detail = d.member
        ? t('crisis.log.assigned', { count, member: str(d.member) })
        : t('crisis.log.unassigned', { count });
      break;
    case 'mention.routed':
      detail = `${t('crisis.log.routed', { count, service: serviceName(d.service) })}${str(d.note) ? ` — ${str(d.note)}` : ''}`;
      break;
    case 'alert':
    case 'analysis.alert': {
      // Written by the analysis with its reasons in both languages.
      const reasons = Array.isArray(d.reasons)
        ? d.reasons.map((r) => localized((r as Data)?.text, lang))
        : [];
      detail = reasons.filter(Boolean).join(' ; ') || e.text;
      break;
    }
    case 'mention.pinned':
      detail = `@${str(d.authorHandle).replace(/^@/, '')}${colon(lang)}${str(d.text).slice(0, 160)}`;
      break;
    default:
      // Going-private events carry their sentence in both languages.
      if (e.kind.startsWith('protection.') && lang.startsWith('en')) detail = str(d.text_en) || e.text;
      break;
  }
  return { label, detail, family };
}

/** "@handle : texte" in French (no-break space before the colon), "@handle: text" in English. */
export const colon = (lang: string) => (lang.startsWith('fr') ? '\u00a0: ' : ': ');
