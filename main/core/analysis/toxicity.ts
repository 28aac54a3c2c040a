// Toxicity in 0..1 with reasons: insult, threat, doxxing, targeted. Abuse is told apart from
// anger: swearing at a service ("c'est de la merde") is not abuse, insulting people is, and abuse
// aimed at one named person (a handle, a protected person, a team member) is flagged `targeted`.
// Obfuscation is undone before lookup: leet-speak (c0nn4rd, $alope), stretched letters
// (nuuuuls), spaced letters (c o n n a r d) and starred words (f***, enc*lé).
import { TOXIC_THRESHOLD } from '../../../shared/thresholds';
import type { DetectedLang } from './language';
import { getLexicons, type Lexicons } from './lexicons';
import { fold, type Prepared } from './text';
import { abuseSetting, findAbuse } from './toxicity-abuse';
import {
  ADDRESS_EN,
  ADDRESS_FR,
  ANY_EXPOSE,
  ANY_THREAT,
  BUSINESS,
  EXPOSE_GATE,
  HAS_DIGIT,
  PHONE,
  SPREAD,
  THREAT_GATE,
  THREATS,
} from './toxicity-patterns';
import { matchers } from './toxicity-targets';
import { ACCUSATIONS, GAMES, LAUGHTER, PEOPLE, SECOND_PERSON, SOFT, THINGS } from './toxicity-words';
import { TokenMemo } from './word-memo';

export interface Person {
  name: string;
  handles?: string[];
}

/** Who may be targeted: people under protection, the crisis team, and the brand's own accounts. */
export interface ToxicityContext {
  protectedPeople?: Person[];
  teamMembers?: Person[];
  /** Brand accounts and names: abuse at them is anger at the brand, not at a person. */
  brands?: Person[];
}

export type ToxicityReason = 'insult' | 'threat' | 'doxxing' | 'targeted';

export interface ToxicityResult {
  /** 0..1; the ingest counts >= 0.5 as toxic. */
  score: number;
  reasons: ToxicityReason[];
  /** Protected people and team members the post names or tags (by their configured name). */
  targets: string[];
  /** Who the abuse is aimed at: one person, people in general, or nobody (no abuse). */
  aimedAt: 'person' | 'people' | null;
}

/** Toxicity of a prepared post. */
export function scoreToxicity(
  p: Prepared,
  lang: DetectedLang,
  ctx: ToxicityContext = {},
  lex: Lexicons = getLexicons(),
): ToxicityResult {
  const setting = abuseSetting(lex, lang);
  const { seq } = p;
  let foldedCache: string | null = null;
  const folded = () => (foldedCache ??= fold(p.raw));

  // Who is named or tagged.
  const m = matchers(ctx);
  const targets: string[] = [];
  if (m.people.length > 0) {
    // Names are checked (a regular expression each) only when a word of some name is in the post.
    let named = false;
    for (let i = 0; i < seq.length && !named; i++) named = m.nameWord.get(p.tokens[i]!);
    for (const person of m.people) {
      if (
        tagged(p.handles, person.handles) ||
        (named && person.re && seq.some((w) => person.words.has(w)) && person.re.test(folded()))
      ) {
        targets.push(person.label);
      }
    }
  }
  // A handle that is not one of the brand's accounts is a person.
  let personHandle = false;
  for (const h of p.handles) if (!m.brands.some((b) => isHandleOf(h, b.handles))) personHandle = true;
  const individual = targets.length > 0 || personHandle;

  const wordCount = p.wordCount;
  let second = false;
  let people = false;
  let thing = false;
  let threatGate = false;
  let exposeGate = false;
  for (let i = 0; i < seq.length; i++) {
    const f = wordFlags.get(p.tokens[i]!);
    if (f === 0) continue;
    if (f & W_SECOND) second = true;
    else if (f & W_PEOPLE) people = true;
    if (f & W_THING) thing = true;
    if (f & W_THREAT_GATE) threatGate = true;
    if (f & W_EXPOSE_GATE) exposeGate = true;
  }
  const vocative = wordCount <= 3;
  const directed = second || individual || vocative;
  const aimedAtPeople = directed || people;

  // Insults.
  let insult = 0;
  for (const h of findAbuse(p, setting)) {
    let s = 0;
    switch (h.cat) {
      case 'phrase':
        s = 0.85;
        break;
      case 'strong':
        s = thing && !directed && !people ? 0.35 : directed ? 0.9 : 0.8;
        break;
      case 'insult':
        if (ACCUSATIONS.has(h.word)) s = individual ? 0.7 : aimedAtPeople && !second ? 0.55 : 0.3;
        else if (SOFT.has(h.word)) s = individual || (second && !thing) ? 0.7 : people && !thing ? 0.6 : 0.15;
        else s = aimedAtPeople ? 0.8 : thing ? 0.25 : 0.6;
        break;
      case 'animal':
        s = aimedAtPeople && !thing ? 0.7 : 0;
        break;
      case 'profanity':
        s = (second || individual) && !thing && precededByArticle(seq, h.at) ? 0.7 : 0.1;
        break;
    }
    insult = Math.max(insult, s);
  }

  // Threats.
  let threat = 0;
  if (threatGate) {
    const f = folded();
    if (ANY_THREAT.test(f)) for (const t of THREATS) if (t.weight > threat && t.re.test(f)) threat = t.weight;
    if (threat > 0 && LAUGHTER.test(f) && GAMES.test(f)) threat *= 0.3;
  }

  // Doxxing.
  let doxxing = 0;
  const digits = HAS_DIGIT.test(p.raw);
  if (digits || exposeGate || p.emails.length > 0) {
    const f = folded();
    const pii =
      p.emails.length > 0 || (digits && (PHONE.test(p.raw) || ADDRESS_FR.test(f) || ADDRESS_EN.test(f)));
    const exposed = exposeGate && ANY_EXPOSE.test(f);
    const spread = pii && SPREAD.test(f);
    const business = pii && BUSINESS.test(f);
    if (pii && (exposed || (spread && !business))) doxxing = 0.9;
    else if (exposed) doxxing = 0.7;
    else if (pii) doxxing = business ? 0.05 : 0.4;
  }

  // A protected person or team member named in abuse: weigh it up.
  if (targets.length > 0) {
    if (insult >= 0.3) insult = Math.max(insult, 0.75);
    if (threat >= 0.3) threat = Math.max(threat, 0.8);
  }

  let keep = 1;
  keep *= 1 - insult;
  keep *= 1 - threat;
  keep *= 1 - doxxing;
  const score = Math.min(0.99, 1 - keep);
  const reasons: ToxicityReason[] = [];
  if (insult >= TOXIC_THRESHOLD) reasons.push('insult');
  if (threat >= TOXIC_THRESHOLD) reasons.push('threat');
  if (doxxing >= TOXIC_THRESHOLD) reasons.push('doxxing');
  const abusive = reasons.length > 0;
  if (abusive && individual) reasons.push('targeted');
  return {
    score: Math.round(score * 1000) / 1000,
    reasons,
    targets,
    aimedAt: abusive ? (individual ? 'person' : 'people') : null,
  };
}

/** Whether handle `h` (as written, or without its instance: "name@mastodon.social") is in `set`. */
function isHandleOf(h: string, set: Set<string>): boolean {
  if (set.has(h)) return true;
  const at = h.indexOf('@');
  return set.has(at < 0 ? h : h.slice(0, at));
}

function tagged(handles: string[], set: Set<string>): boolean {
  for (const h of handles) if (isHandleOf(h, set)) return true;
  return false;
}

// What a word says about who or what is aimed at (bits), looked up once per distinct word.
const W_SECOND = 1;
const W_PEOPLE = 2;
const W_THING = 4;
const W_THREAT_GATE = 8;
const W_EXPOSE_GATE = 16;
const wordFlags = new TokenMemo(
  'toxicity/aim',
  (w: string) =>
    (SECOND_PERSON.has(w) ? W_SECOND : 0) |
    (PEOPLE.has(w) ? W_PEOPLE : 0) |
    (THINGS.has(w) ? W_THING : 0) |
    (THREAT_GATE.has(w) ? W_THREAT_GATE : 0) |
    (EXPOSE_GATE.has(w) ? W_EXPOSE_GATE : 0),
);

const ARTICLES = new Set([
  'une',
  'un',
  'des',
  'grosse',
  'gros',
  'sale',
  'petite',
  'petit',
  'a',
  'an',
  'of',
  'big',
  'little',
  'such',
]);

// "t'es une merde", "you piece of shit": swearing used as a noun for someone.
function precededByArticle(seq: string[], at: number): boolean {
  const prev = seq[at - 1];
  const prev2 = seq[at - 2];
  return (prev !== undefined && ARTICLES.has(prev)) || (prev2 !== undefined && ARTICLES.has(prev2));
}
