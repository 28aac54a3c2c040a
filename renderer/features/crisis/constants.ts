// Closed lists the crisis panels iterate over. The renderer imports only types from shared/ (values
// would bring zod into the page, which the CSP refuses); the Records make the compiler check that
// these lists match the shared schemas.
import type { QuickKind, RoleId } from '../../../shared/crisis-model';
import type { Level } from '../../../shared/model';

const LEVEL_RANK: Record<Level, number> = { veille: 0, alerte: 1, crise: 2, crise_majeure: 3 };
export const LEVELS = (Object.keys(LEVEL_RANK) as Level[]).sort((a, b) => LEVEL_RANK[a] - LEVEL_RANK[b]);

const ROLE_SET: Record<RoleId, true> = {
  lead: true,
  comms: true,
  scribe: true,
  signatory: true,
  liaison: true,
};
export const ROLE_IDS = Object.keys(ROLE_SET) as RoleId[];

export type StatementKind = 'holding' | 'update' | 'reply' | 'faq' | 'internal';
export const STATEMENT_KIND_IDS: StatementKind[] = ['holding', 'update', 'reply', 'faq', 'internal'];

const QUICK: Record<QuickKind, string> = { decision: 'd', note: 'n', action: 'a' };
export const QUICK_KINDS = Object.keys(QUICK) as QuickKind[];
/** The one keystroke (with Alt in the entry box) that picks each kind. */
export const QUICK_KEYS = QUICK;
