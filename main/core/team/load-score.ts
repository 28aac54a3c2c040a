/**
 * Mental-load score of one cell member, 0..100, recomputed live. No black box: every part is
 * returned with its value, weight, contribution in points and a sentence in FR and EN.
 * The same text lives in main/core/team/LOAD-SCORE.md (keep both in step).
 *
 * FORMULA
 *
 *   Four factors, each brought to 0..1:
 *
 *   f_duty   = min(1, onDutyMs / dutyRefMs)                       (dutyRefMs: 2 h)
 *              continuous time on duty, breaks included (rest timer's onDutyMs).
 *   f_break  = min(1, sinceRealBreakMs / sinceBreakRefMs)          (sinceBreakRefMs: 90 min)
 *              time since the end of the last real (rest) break, or since coming on duty.
 *   f_expo   = min(1, E / exposureRefUnits)                         (exposureRefUnits: 12)
 *              E = Σ over mentions the member opened or handled in the last `windowMs` (4 h):
 *                  (volumeWeight + toxicity)                         volumeWeight 0.1; toxicity 0..1,
 *                                                                    unknown → defaultToxicity 0.3
 *                × targetWeight                                      abuse aimed at the member 3,
 *                                                                    at a colleague 1.5, other 1
 *                × actionWeight                                      opened 1, handled 1.5
 *                × 0.5 ^ (age / halfLifeMs)                          half-life 60 min
 *              so one fully toxic mention aimed at the member, handled just now, is
 *              (0.1 + 1) × 3 × 1.5 = 4.95 units; 12 units saturate the factor.
 *   f_tlx    = rawTLX / 100, raw TLX = mean of the six NASA-TLX sliders (0..100), only when the
 *              member's last self-report is at most tlxMaxAgeMs old (3 h); otherwise the factor is
 *              absent and its weight is shared among the others.
 *
 *   base  = 100 × Σ w_i × f_i / Σ w_i      over the factors present
 *           weights: duty 0.20, break 0.20, exposure 0.35, tlx 0.25
 *   score = min(100, base × roleWeight)     lead 1.25, comms 1.20, signatory 1.10, others 1.00
 *
 *   Parts: contribution_i = 100 × w_i × f_i / Σ w_i (points), role = base × (roleWeight − 1),
 *   cap = −(overflow above 100) when the score is capped. The contributions add up to the score
 *   (before rounding to one decimal).
 *
 *   Bands: ok < 35 ≤ watch < 55 ≤ high < 75 ≤ critical.
 *   suggestRotation when score ≥ 65, or when the member opened/handled at least 5 mentions with
 *   toxicity ≥ 0.5 aimed at THEM in the window (someone under attack should not keep reading it).
 *
 * Every number above is a default of `LoadConfig`; a cell can tune them.
 */
import { formatDuration, MINUTE, type Lang } from './format';
import {
  DEFAULT_LOAD_CONFIG,
  type Exposure,
  type LoadBand,
  type LoadConfig,
  type TeamRole,
} from './load-config';
import { rawTlx, type TlxReport } from './tlx-self-report';
import { counted } from '../../../shared/plural';

// The score's inputs, the TLX self-report and the handoff note live in their own files, re-exported here.
export {
  DEFAULT_LOAD_CONFIG,
  EXPOSURE_ACTIONS,
  EXPOSURE_TARGETS,
  LOAD_BANDS,
  TEAM_ROLES,
  type Exposure,
  type ExposureAction,
  type ExposureTarget,
  type LoadBand,
  type LoadConfig,
  type TeamRole,
} from './load-config';
export {
  DEFAULT_TLX_PROMPT,
  rawTlx,
  TLX_SCALES,
  tlxPromptDue,
  tlxReportSchema,
  type TlxPromptConfig,
  type TlxPromptInput,
  type TlxReport,
  type TlxScale,
} from './tlx-self-report';
export { handoffNote, handoffNotes, type HandoffInput } from './handoff-note';

export interface LoadInput {
  now: number;
  role: TeamRole | null;
  onDutyMs: number;
  /** Null when unknown: then `onDutyMs` is used. */
  sinceRealBreakMs: number | null;
  exposures: readonly Exposure[];
  tlx: TlxReport | null;
}

export type LoadPartKey = 'duty' | 'since_break' | 'exposure' | 'tlx' | 'role' | 'cap';

export interface LoadPart {
  key: LoadPartKey;
  /** The raw measure: minutes (duty, since_break), units (exposure), raw TLX, multiplier (role). */
  value: number | null;
  /** Share of the base score (0..1) for the factors, multiplier for the role. */
  weight: number;
  /** Points of the final score (one decimal). */
  contribution: number;
  explanation_fr: string;
  explanation_en: string;
}

export interface LoadScore {
  score: number;
  band: LoadBand;
  parts: LoadPart[];
  suggestRotation: boolean;
  rotationReasons: ('score' | 'targeted')[];
}

const ROLE_LABEL: Record<TeamRole, { fr: string; en: string }> = {
  // As the screens name the roles (Rôles tab, team board).
  lead: { fr: 'pilote', en: 'lead' },
  comms: { fr: 'communication', en: 'communications' },
  scribe: { fr: 'main courante', en: 'scribe' },
  signatory: { fr: 'signataire', en: 'signatory' },
  liaison: { fr: 'liaison services', en: 'service liaison' },
  analyst: { fr: 'analyste', en: 'analyst' },
};

const round1 = (n: number) => Math.round(n * 10) / 10;
/** One decimal at most, with a decimal comma in French. */
const num = (n: number, lang: Lang) => {
  const text = String(round1(n));
  return lang === 'fr' ? text.replace('.', ',') : text;
};
/** A multiplier as configured (1.25 stays 1.25: one decimal would say 1.3), decimal comma in French. */
const factor = (n: number, lang: Lang) => {
  const text = String(Math.round(n * 100) / 100);
  return lang === 'fr' ? text.replace('.', ',') : text;
};
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Exposure units E (see the formula) and the count of toxic mentions aimed at the member. */
export function exposureUnits(
  exposures: readonly Exposure[],
  now: number,
  config: LoadConfig = DEFAULT_LOAD_CONFIG,
): { units: number; count: number; targetedToxic: number } {
  const c = config.exposure;
  let units = 0;
  let count = 0;
  let targetedToxic = 0;
  for (const e of exposures) {
    const age = now - e.at;
    if (age < 0 || age > c.windowMs) continue;
    const tox = clamp01(e.toxicity ?? c.defaultToxicity);
    units +=
      (c.volumeWeight + tox) * c.target[e.target] * c.action[e.action] * Math.pow(0.5, age / c.halfLifeMs);
    count += 1;
    if (e.target === 'self' && (e.toxicity ?? 0) >= config.targetedToxicity) targetedToxic += 1;
  }
  return { units, count, targetedToxic };
}

export function loadScore(input: LoadInput, config: LoadConfig = DEFAULT_LOAD_CONFIG): LoadScore {
  const w = config.weights;
  const dutyMin = input.onDutyMs / MINUTE;
  const sinceBreakMs = input.sinceRealBreakMs ?? input.onDutyMs;
  const expo = exposureUnits(input.exposures, input.now, config);
  const tlxFresh =
    input.tlx !== null && input.now - input.tlx.at <= config.tlxMaxAgeMs && input.now >= input.tlx.at;
  const tlxValue = tlxFresh && input.tlx ? rawTlx(input.tlx) : null;

  const factors: { key: LoadPartKey; f: number; w: number; value: number | null; present: boolean }[] = [
    {
      key: 'duty',
      f: clamp01(input.onDutyMs / config.dutyRefMs),
      w: w.duty,
      value: round1(dutyMin),
      present: true,
    },
    {
      key: 'since_break',
      f: clamp01(sinceBreakMs / config.sinceBreakRefMs),
      w: w.sinceBreak,
      value: round1(sinceBreakMs / MINUTE),
      present: true,
    },
    {
      key: 'exposure',
      f: clamp01(expo.units / config.exposure.refUnits),
      w: w.exposure,
      value: Math.round(expo.units * 100) / 100,
      present: true,
    },
    {
      key: 'tlx',
      f: tlxValue === null ? 0 : tlxValue / 100,
      w: w.tlx,
      value: tlxValue,
      present: tlxValue !== null,
    },
  ];
  const totalW = factors.filter((p) => p.present).reduce((s, p) => s + p.w, 0) || 1;
  const base = factors.reduce((s, p) => s + (p.present ? (100 * p.w * p.f) / totalW : 0), 0);
  const roleWeight = input.role ? config.roleWeights[input.role] : 1;
  const raw = base * roleWeight;
  const score = Math.min(100, raw);

  const parts: LoadPart[] = factors.map((p) => {
    const share = p.present ? p.w / totalW : 0;
    const contribution = p.present ? (100 * p.w * p.f) / totalW : 0;
    return {
      key: p.key,
      value: p.value,
      weight: Math.round(share * 1000) / 1000,
      contribution: round1(contribution),
      ...explain(p.key, { input, config, expo, tlxValue, sinceBreakMs, share }),
    };
  });
  const role = input.role;
  parts.push({
    key: 'role',
    value: roleWeight,
    weight: roleWeight,
    contribution: round1(base * (roleWeight - 1)),
    explanation_fr: role
      ? `Rôle ${ROLE_LABEL[role].fr} : score de base × ${factor(roleWeight, 'fr')}.`
      : 'Pas de rôle attribué : pas de majoration.',
    explanation_en: role
      ? `Role ${ROLE_LABEL[role].en}: base score × ${factor(roleWeight, 'en')}.`
      : 'No role assigned: no increase.',
  });
  if (raw > 100) {
    parts.push({
      key: 'cap',
      value: round1(raw),
      weight: 1,
      contribution: round1(100 - raw),
      explanation_fr: `Plafonné à 100 (le calcul donnait ${num(raw, 'fr')}).`,
      explanation_en: `Capped at 100 (the sum was ${round1(raw)}).`,
    });
  }

  const rounded = round1(score);
  const band = bandOf(rounded, config);
  const rotationReasons: LoadScore['rotationReasons'] = [];
  if (rounded >= config.rotateAt) rotationReasons.push('score');
  if (expo.targetedToxic >= config.targetedRotateCount) rotationReasons.push('targeted');
  return { score: rounded, band, parts, suggestRotation: rotationReasons.length > 0, rotationReasons };
}

export function bandOf(score: number, config: LoadConfig = DEFAULT_LOAD_CONFIG): LoadBand {
  if (score >= config.bands.critical) return 'critical';
  if (score >= config.bands.high) return 'high';
  if (score >= config.bands.watch) return 'watch';
  return 'ok';
}

function explain(
  key: LoadPartKey,
  ctx: {
    input: LoadInput;
    config: LoadConfig;
    expo: ReturnType<typeof exposureUnits>;
    tlxValue: number | null;
    sinceBreakMs: number;
    share: number;
  },
): { explanation_fr: string; explanation_en: string } {
  const { input, config, expo } = ctx;
  const pctFr = `${Math.round(ctx.share * 100)} %`;
  const pctEn = `${Math.round(ctx.share * 100)}%`;
  switch (key) {
    case 'duty':
      return {
        explanation_fr: `En service depuis ${formatDuration(input.onDutyMs, 'fr')} (plein à ${formatDuration(config.dutyRefMs, 'fr')}), poids ${pctFr}.`,
        explanation_en: `On duty for ${formatDuration(input.onDutyMs, 'en')} (full at ${formatDuration(config.dutyRefMs, 'en')}), weight ${pctEn}.`,
      };
    case 'since_break':
      return {
        explanation_fr: `Dernière vraie pause il y a ${formatDuration(ctx.sinceBreakMs, 'fr')} (plein à ${formatDuration(config.sinceBreakRefMs, 'fr')}), poids ${pctFr}.`,
        explanation_en: `Last real break ${formatDuration(ctx.sinceBreakMs, 'en')} ago (full at ${formatDuration(config.sinceBreakRefMs, 'en')}), weight ${pctEn}.`,
      };
    case 'exposure':
      return {
        explanation_fr: `${counted('fr', expo.count, 'mention ouverte ou traitée', 'mentions ouvertes ou traitées')} en ${formatDuration(config.exposure.windowMs, 'fr')}, dont ${counted('fr', expo.targetedToxic, 'toxique visant ce membre', 'toxiques visant ce membre')} : ${num(expo.units, 'fr')} unités sur ${config.exposure.refUnits} (toxicité, ×${config.exposure.target.self} quand le message vise ce membre, ancienneté), poids ${pctFr}.`,
        explanation_en: `${counted('en', expo.count, 'mention', 'mentions')} opened or handled in ${formatDuration(config.exposure.windowMs, 'en')}, ${counted('en', expo.targetedToxic, 'toxic one', 'toxic ones')} aimed at them: ${num(expo.units, 'en')} units of ${config.exposure.refUnits} (toxicity, ×${config.exposure.target.self} when aimed at them, age), weight ${pctEn}.`,
      };
    case 'tlx':
      return ctx.tlxValue === null
        ? {
            explanation_fr: `Pas d’auto-évaluation NASA-TLX de moins de ${formatDuration(config.tlxMaxAgeMs, 'fr')} : son poids est réparti sur les autres facteurs.`,
            explanation_en: `No NASA-TLX self-report in the last ${formatDuration(config.tlxMaxAgeMs, 'en')}: its weight is shared among the other factors.`,
          }
        : {
            explanation_fr: `Auto-évaluation NASA-TLX brute ${num(ctx.tlxValue, 'fr')}/100, poids ${pctFr}.`,
            explanation_en: `Raw NASA-TLX self-report ${num(ctx.tlxValue, 'en')}/100, weight ${pctEn}.`,
          };
    default:
      return { explanation_fr: '', explanation_en: '' };
  }
}
