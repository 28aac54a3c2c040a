import type { DossierInput, EvidenceItem, FreezableMention } from '../../../main/core/team/evidence-dossier';

/** A frozen mention and a dossier's input, shared by the evidence dossier tests. */

export const T = Date.UTC(2025, 2, 10, 21, 15, 30);
export const FROZEN = { at: T + 3_600_000, by: 'Claire' };

export const mention = (over: Partial<FreezableMention> = {}): FreezableMention => ({
  id: 'x:1001',
  platform: 'x',
  externalId: '1001',
  url: 'https://x.com/troll/status/1001',
  authorHandle: '@troll',
  authorName: 'Troll',
  text: 'Tu vas le regretter',
  lang: 'fr',
  replyTo: null,
  createdAt: T,
  fetchedAt: T + 60_000,
  toxicity: 0.91,
  ...over,
});

export const input = (items: EvidenceItem[], over: Partial<DossierInput> = {}): DossierInput => ({
  caseId: 'case-1',
  subject: 'Hélène Durand',
  title: 'Harcèlement après le 20 h',
  preparedBy: 'Claire',
  generatedAt: T + 7_200_000,
  timeZone: 'Europe/Paris',
  items,
  ...over,
});
