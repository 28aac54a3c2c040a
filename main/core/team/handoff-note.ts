// The handoff note written when a member hands over: what is open, pending, watched, in FR and EN.
import { formatLocal, oneLine, type Lang } from './format';
import type { LoadBand } from './load-config';

export interface HandoffInput {
  at: number;
  timeZone: string;
  from: string;
  to: string | null;
  incident: string | null;
  openItems: readonly { title: string; owner?: string | null; since?: number | null; note?: string | null }[];
  pendingApprovals: readonly { title: string; waitingFor: string; since?: number | null }[];
  watchedAccounts: readonly {
    platform: string;
    handle: string;
    reason: string;
    lastSeenAt?: number | null;
  }[];
  /** Colleagues to keep an eye on (load band, targeted, protection case…). */
  colleagues: readonly { name: string; reason: string; band?: LoadBand | null }[];
  notes?: string | null;
}

const HANDOFF_LABELS = {
  fr: {
    title: 'Note de relève',
    from: 'De',
    to: 'À',
    nobody: 'à désigner',
    at: 'Heure',
    incident: 'Incident',
    open: 'Ce qui est ouvert',
    pending: 'En attente de validation',
    accounts: 'Comptes à surveiller',
    colleagues: 'Collègues à surveiller',
    notes: 'Notes',
    none: 'Rien.',
    owner: 'responsable',
    since: 'depuis',
    waiting: 'attend',
    lastSeen: 'vu',
    band: { ok: 'ok', watch: 'à surveiller', high: 'élevée', critical: 'critique' },
    load: 'charge',
  },
  en: {
    title: 'Handoff note',
    from: 'From',
    to: 'To',
    nobody: 'to be named',
    at: 'Time',
    incident: 'Incident',
    open: 'What is open',
    pending: 'Pending approval',
    accounts: 'Accounts to watch',
    colleagues: 'Colleagues to watch',
    notes: 'Notes',
    none: 'Nothing.',
    owner: 'owner',
    since: 'since',
    waiting: 'waiting for',
    lastSeen: 'seen',
    band: { ok: 'ok', watch: 'watch', high: 'high', critical: 'critical' },
    load: 'load',
  },
} as const;

/**
 * A plain-text (Markdown-friendly) handoff note in one language. User-entered values are kept on
 * one line each so that the structure of the note cannot be broken by their content.
 */
export function handoffNote(input: HandoffInput, lang: Lang): string {
  const L = HANDOFF_LABELS[lang];
  const when = (ms: number | null | undefined) => (ms == null ? null : formatLocal(ms, input.timeZone));
  const section = (title: string, lines: string[]) =>
    [`## ${title}`, ...(lines.length ? lines : [L.none])].join('\n');
  const extra = (bits: (string | null)[]) => {
    const kept = bits.filter((b): b is string => !!b);
    return kept.length ? ` (${kept.join(', ')})` : '';
  };
  const out = [
    `# ${L.title}`,
    `${L.from}: ${oneLine(input.from)}`,
    `${L.to}: ${input.to ? oneLine(input.to) : L.nobody}`,
    `${L.at}: ${when(input.at)}`,
    ...(input.incident ? [`${L.incident}: ${oneLine(input.incident)}`] : []),
    '',
    section(
      L.open,
      input.openItems.map(
        (i) =>
          `- ${oneLine(i.title)}${extra([
            i.owner ? `${L.owner} ${oneLine(i.owner)}` : null,
            i.since != null ? `${L.since} ${when(i.since)}` : null,
          ])}${i.note ? ` — ${oneLine(i.note)}` : ''}`,
      ),
    ),
    '',
    section(
      L.pending,
      input.pendingApprovals.map(
        (p) =>
          `- ${oneLine(p.title)}${extra([
            `${L.waiting} ${oneLine(p.waitingFor)}`,
            p.since != null ? `${L.since} ${when(p.since)}` : null,
          ])}`,
      ),
    ),
    '',
    section(
      L.accounts,
      input.watchedAccounts.map(
        (a) =>
          `- ${oneLine(a.handle)} [${oneLine(a.platform)}] — ${oneLine(a.reason)}${extra([
            a.lastSeenAt != null ? `${L.lastSeen} ${when(a.lastSeenAt)}` : null,
          ])}`,
      ),
    ),
    '',
    section(
      L.colleagues,
      input.colleagues.map(
        (c) =>
          `- ${oneLine(c.name)} — ${oneLine(c.reason)}${extra([c.band ? `${L.load} ${L.band[c.band]}` : null])}`,
      ),
    ),
  ];
  if (input.notes && input.notes.trim()) out.push('', `## ${L.notes}`, input.notes.trim());
  return out.join('\n') + '\n';
}

export function handoffNotes(input: HandoffInput): { fr: string; en: string } {
  return { fr: handoffNote(input, 'fr'), en: handoffNote(input, 'en') };
}
