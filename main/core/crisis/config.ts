// The words of the field, as data: levels (ordered, configurable), roles, phases, services to route
// to, and the update cadence per level. Everything in main/core/crisis reads them from here.

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export type Localized = { fr: string; en: string };

export interface LevelDef {
  id: string;
  label: Localized;
  /** Minutes between two public updates at this level; null = no cadence reminder. */
  updateCadenceMinutes: number | null;
}

export const ROLES = ['lead', 'comms', 'scribe', 'signatory', 'liaison'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleDef {
  id: Role;
  label: Localized;
  /** Held by one person at a time: assuming it hands it over (the previous holder renounces). */
  single: boolean;
}

export interface PhaseDef {
  id: string;
  label: Localized;
}

export interface ServiceDef {
  id: string;
  label: Localized;
}

export interface CrisisConfig {
  /** Lowest first. A level's rank is its index. */
  levels: LevelDef[];
  roles: RoleDef[];
  phases: PhaseDef[];
  services: ServiceDef[];
  /** The cadence reminder raises its notification flag this many minutes before the update is due. */
  cadenceWarnMinutes: number;
  /** Language of the plain `text` written into timeline events (labels are localized at read time). */
  lang: Lang;
  /** Fills {{brand}} in statement templates. */
  brand: string;
  /** IANA zone used to print times in statements ({{next_update_time}}); the system zone if absent. */
  timeZone?: string;
}

export const DEFAULT_LEVELS: LevelDef[] = [
  { id: 'veille', label: { fr: 'Veille', en: 'Watch' }, updateCadenceMinutes: null },
  { id: 'alerte', label: { fr: 'Alerte', en: 'Alert' }, updateCadenceMinutes: 120 },
  { id: 'crise', label: { fr: 'Crise', en: 'Crisis' }, updateCadenceMinutes: 60 },
  { id: 'crise_majeure', label: { fr: 'Crise majeure', en: 'Major crisis' }, updateCadenceMinutes: 20 },
];

export const DEFAULT_ROLES: RoleDef[] = [
  { id: 'lead', label: { fr: 'Pilote de la cellule', en: 'Cell lead' }, single: true },
  { id: 'comms', label: { fr: 'Communication', en: 'Communications' }, single: false },
  { id: 'scribe', label: { fr: 'Main courante', en: 'Scribe' }, single: true },
  { id: 'signatory', label: { fr: 'Signataire des réponses', en: 'Signatory' }, single: true },
  { id: 'liaison', label: { fr: 'Liaison avec les services', en: 'Liaison' }, single: false },
];

export const DEFAULT_PHASES: PhaseDef[] = [
  { id: 'detecter', label: { fr: 'Détecter', en: 'Detect' } },
  { id: 'qualifier', label: { fr: 'Qualifier', en: 'Assess' } },
  { id: 'contenir', label: { fr: 'Contenir', en: 'Contain' } },
  { id: 'communiquer', label: { fr: 'Communiquer', en: 'Communicate' } },
  { id: 'retablir', label: { fr: 'Rétablir', en: 'Recover' } },
  { id: 'apprendre', label: { fr: 'Apprendre', en: 'Learn' } },
];

export const DEFAULT_SERVICES: ServiceDef[] = [
  { id: 'service_client', label: { fr: 'Service client', en: 'Customer service' } },
  { id: 'juridique', label: { fr: 'Juridique', en: 'Legal' } },
  { id: 'produit', label: { fr: 'Produit', en: 'Product' } },
  { id: 'rh', label: { fr: 'RH', en: 'HR' } },
  { id: 'direction', label: { fr: 'Direction', en: 'Executive' } },
  { id: 'securite', label: { fr: 'Sécurité', en: 'Security' } },
];

export const DEFAULT_CRISIS_CONFIG: CrisisConfig = {
  levels: DEFAULT_LEVELS,
  roles: DEFAULT_ROLES,
  phases: DEFAULT_PHASES,
  services: DEFAULT_SERVICES,
  cadenceWarnMinutes: 5,
  lang: 'fr',
  brand: '',
};

/** Fills the gaps of a partial config with the defaults and checks that it holds together. */
export function crisisConfig(partial: Partial<CrisisConfig> = {}): CrisisConfig {
  const cfg: CrisisConfig = { ...DEFAULT_CRISIS_CONFIG, ...partial };
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
  for (const [what, list] of [
    ['levels', ids(cfg.levels)],
    ['phases', ids(cfg.phases)],
    ['services', ids(cfg.services)],
  ] as const) {
    if (list.length === 0) throw new Error(`crisis config: ${what} must not be empty`);
    const dup = list.find((id, i) => list.indexOf(id) !== i);
    if (dup) throw new Error(`crisis config: ${what} lists "${dup}" twice`);
  }
  for (const r of cfg.roles) {
    if (!(ROLES as readonly string[]).includes(r.id))
      throw new Error(`crisis config: unknown role "${r.id}"`);
  }
  for (const l of cfg.levels) {
    if (l.updateCadenceMinutes !== null && !(l.updateCadenceMinutes > 0)) {
      throw new Error(`crisis config: level "${l.id}" needs a positive cadence or null`);
    }
  }
  return cfg;
}

/** Rank of a level in the configured scale, or -1 when the scale does not know it. */
export function levelRank(cfg: CrisisConfig, level: string): number {
  return cfg.levels.findIndex((l) => l.id === level);
}

export function levelLabel(cfg: CrisisConfig, level: string, lang: Lang): string {
  return cfg.levels.find((l) => l.id === level)?.label[lang] ?? level;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
