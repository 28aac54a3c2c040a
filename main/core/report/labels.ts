// Names of stored codes (timeline event kinds, statuses, statement and person kinds) in French and English.
import type { ReportLang } from '../../../shared/report-model';

const KIND_LABELS: Record<string, { fr: string; en: string }> = {
  'incident.opened': { fr: 'Ouverture de l’incident', en: 'Incident opened' },
  'incident.stable': { fr: 'Situation stabilisée', en: 'Stable' },
  'incident.reactivated': { fr: 'Reprise', en: 'Flared up again' },
  'incident.closed': { fr: 'Clôture', en: 'Closed' },
  'incident.reopened': { fr: 'Réouverture', en: 'Reopened' },
  'level.changed': { fr: 'Changement de niveau', en: 'Level changed' },
  'level.accepted': { fr: 'Niveau suggéré accepté', en: 'Suggested level accepted' },
  alert: { fr: 'Alerte', en: 'Alert' },
  'role.assumed': { fr: 'Prise de rôle', en: 'Role taken' },
  'playbook.applied': { fr: 'Playbook appliqué', en: 'Playbook applied' },
  'clock.started': { fr: 'Début du délai', en: 'Clock started' },
  'clock.met': { fr: 'Obligation remplie', en: 'Obligation met' },
  'statement.published': { fr: 'Prise de parole publiée', en: 'Statement published' },
  'log.decision': { fr: 'Décision', en: 'Decision' },
  'log.action': { fr: 'Action', en: 'Action' },
  'log.note': { fr: 'Note', en: 'Note' },
  'mention.pinned': { fr: 'Preuve épinglée', en: 'Evidence pinned' },
};

export function kindLabel(kind: string, lang: ReportLang): string {
  if (KIND_LABELS[kind]) return KIND_LABELS[kind][lang];
  if (kind.startsWith('protection')) return lang === 'fr' ? 'Protection d’une personne' : 'Person protection';
  return kind;
}

const PLATFORMS: Record<string, { fr: string; en: string }> = {
  x: { fr: 'X', en: 'X' },
  mastodon: { fr: 'Mastodon', en: 'Mastodon' },
  bluesky: { fr: 'Bluesky', en: 'Bluesky' },
  reddit: { fr: 'Reddit', en: 'Reddit' },
  youtube: { fr: 'YouTube', en: 'YouTube' },
  facebook: { fr: 'Facebook', en: 'Facebook' },
  rss: { fr: 'Presse et blogs', en: 'Press and blogs' },
  reviews: { fr: 'Avis clients', en: 'Customer reviews' },
  file: { fr: 'Import de fichier', en: 'File import' },
};

/** A platform as the interface names it ("Avis clients", not "reviews"). */
export const platformLabel = (p: string, lang: ReportLang) => PLATFORMS[p]?.[lang] ?? p;

const PERSON_KINDS: Record<string, { fr: string; en: string }> = {
  journalist: { fr: 'Journaliste', en: 'Journalist' },
  employee: { fr: 'Salarié·e', en: 'Employee' },
  executive: { fr: 'Dirigeant·e', en: 'Executive' },
  other: { fr: 'Autre', en: 'Other' },
};

export const personKindLabel = (k: string, lang: ReportLang) => PERSON_KINDS[k]?.[lang] ?? k;

const STATUS: Record<string, { fr: string; en: string }> = {
  // As the war-room's badge says it.
  active: { fr: 'en cours', en: 'ongoing' },
  stable: { fr: 'stabilisé', en: 'stabilised' },
  closed: { fr: 'clos', en: 'closed' },
  open: { fr: 'ouvert', en: 'open' },
  all_clear_suggested: { fr: 'levée suggérée', en: 'all clear suggested' },
  approved: { fr: 'approuvée', en: 'approved' },
  rejected: { fr: 'refusée', en: 'rejected' },
  published: { fr: 'publiée', en: 'published' },
  pending: { fr: 'en attente', en: 'pending' },
  draft: { fr: 'brouillon', en: 'draft' },
};

const STATEMENT_KINDS: Record<string, { fr: string; en: string }> = {
  holding: { fr: 'Déclaration d’attente', en: 'Holding statement' },
  update: { fr: 'Point de situation', en: 'Update' },
  reply: { fr: 'Réponse', en: 'Reply' },
  faq: { fr: 'FAQ', en: 'FAQ' },
  internal: { fr: 'Note interne', en: 'Internal note' },
};

export const statementKindLabel = (k: string, lang: ReportLang) => STATEMENT_KINDS[k]?.[lang] ?? k;

export const statusLabel = (s: string, lang: ReportLang) => STATUS[s]?.[lang] ?? s;
