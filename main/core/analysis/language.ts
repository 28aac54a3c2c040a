// Language: fr / en / other. Short posts defeat trigram detectors, so the decision combines, in
// order: the platform's own field when it is plausible, function-word cues (le/la/est/pas vs
// the/is/you/not), accents, and franc-min (MIT, trigram models) restricted to the languages a
// French crisis cell actually meets, for longer texts the cues leave undecided.
import { franc } from 'franc-min';
import { getLexicons, type Lang } from './lexicons';
import type { Prepared } from './text';
import { TokenMemo, WordMemo } from './word-memo';

export type DetectedLang = Lang | 'other';

// Frequent function words that do not exist (or are rare) in the other language.
const FR_CUES = new Set([
  'le',
  'la',
  'les',
  'des',
  'du',
  'un',
  'une',
  'est',
  'et',
  'pas',
  'je',
  "j'",
  'tu',
  'il',
  'elle',
  'vous',
  'nous',
  'ils',
  'pour',
  'avec',
  'sur',
  'dans',
  "c'",
  "l'",
  "d'",
  "qu'",
  "n'",
  "t'",
  "m'",
  "s'",
  'ce',
  'cette',
  'ces',
  'ca',
  'mon',
  'ma',
  'mes',
  'ton',
  'ta',
  'tes',
  'votre',
  'vos',
  'notre',
  'nos',
  'tres',
  'mais',
  'ou',
  'plus',
  'encore',
  'rien',
  'merci',
  'bonjour',
  'depuis',
  'chez',
  'quoi',
  'comment',
  'pourquoi',
  'oui',
  'qui',
  'que',
  'quand',
  'toujours',
  'jamais',
  'aussi',
  'avoir',
  'etre',
  'fait',
  'faire',
  'sont',
  'suis',
  'avez',
  'ai',
  'au',
  'aux',
  'leur',
  'leurs',
  'ne',
  'se',
  'moi',
  'toi',
  'sans',
  'trop',
  'bien',
  'tout',
  'tous',
  'vraiment',
  'alors',
  'donc',
  'peut',
  'mdr',
  'ptdr',
  'jsp',
  'tkt',
  'wsh',
  'svp',
  'stp',
  'franchement',
  'encore',
  'apres',
  'avant',
  'heures',
  'jours',
  'enfin',
  'par',
  'entre',
  'deja',
  'ici',
  'meme',
  'personne',
]);
const EN_CUES = new Set([
  'the',
  'and',
  'is',
  'are',
  'was',
  'were',
  'to',
  'of',
  'you',
  'i',
  'my',
  'it',
  "it's",
  'this',
  'that',
  'for',
  'with',
  'not',
  'have',
  'has',
  'had',
  'just',
  'what',
  'why',
  'how',
  "can't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "i'm",
  "you're",
  'thanks',
  'please',
  'again',
  'still',
  'your',
  'they',
  'we',
  'be',
  'so',
  'been',
  'will',
  'would',
  'should',
  'could',
  'get',
  'got',
  'from',
  'at',
  'our',
  'their',
  'them',
  'an',
  'all',
  'about',
  'when',
  'who',
  'there',
  'than',
  'then',
  'out',
  'no',
  'yes',
  'lol',
  'lmao',
  'omg',
  'ngl',
  'tbh',
  'smh',
  'idk',
  'its',
  'im',
  'dont',
  'cant',
  'hours',
  'days',
  'never',
  'ever',
  'any',
  'anyone',
  'some',
  'only',
  'really',
  'very',
  'too',
  'much',
  'more',
  'after',
  'before',
  'since',
  'today',
  'tonight',
  'here',
  'he',
  'she',
  'his',
  'her',
  'him',
  'me',
  'do',
  'does',
  'did',
  'can',
  'if',
  'or',
  'by',
  'of',
  'on',
  'up',
]);

// Signs of Spanish, German, Italian or Portuguese: words and letters French and English lack.
const OTHER_CUES = new Set([
  'el',
  'los',
  'las',
  'del',
  'muy',
  'pero',
  'por',
  'y',
  'der',
  'die',
  'das',
  'und',
  'ist',
  'nicht',
  'ich',
  'wir',
  'che',
  'della',
  'sono',
  'gli',
  'nao',
  'voce',
  'muito',
]);
const OTHER_LETTERS = /[ñóíáúãõß¿¡]/i;

// Few candidates: faster, and fewer confusions on short posts (Arabic or Cyrillic script has no cues anyway).
const FRANC_ONLY = ['fra', 'eng', 'spa', 'deu', 'ita', 'por', 'nld'];
const PLATFORM_NONE = new Set(['und', 'zxx', 'qme', 'qht', 'qam', 'qct', 'qst', 'art', 'mul']);
const LATIN = /[a-z]/i;
const ANY_LETTER = /\p{L}/u;
const FR_ACCENTS = /[éèêàùçœëîïôû]/i;

export interface LanguageResult {
  lang: DetectedLang;
  /** How the decision was made, for debugging and the eval. */
  by: 'platform' | 'cues' | 'franc' | 'default';
}

/** Normalizes a platform's field ("fr-FR", "EN", "en_US") to its base code, or null. */
export function normalizePlatformLang(value: string | null | undefined): string | null {
  if (!value) return null;
  // A stream carries a handful of distinct values: each is normalized once.
  return platformMemo.get(value);
}

const platformMemo = new WordMemo<string | null>((value) => {
  const base = value.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return !base || PLATFORM_NONE.has(base) ? null : base;
}, 1000);

// What a word says about the language (bits), looked up once per distinct word.
const CUE_FR = 1;
const CUE_EN = 2;
const CUE_OTHER = 4;
const CUE_CONTRACTION = 8;
const cueMemo = new TokenMemo(
  'language/cues',
  (w: string) =>
    (FR_CUES.has(w) ? CUE_FR : 0) |
    (EN_CUES.has(w) ? CUE_EN : 0) |
    (OTHER_CUES.has(w) ? CUE_OTHER : 0) |
    (w.endsWith("n't") ? CUE_CONTRACTION : 0),
);

/** Counts French and English cues in a prepared post (words only, hashtags excluded). */
export function languageCues(p: Prepared): { fr: number; en: number; other: number } {
  let fr = 0;
  let en = 0;
  let other = 0;
  let contraction = false;
  for (let i = 0; i < p.seq.length; i++) {
    if (p.kinds[i] !== 0) continue;
    const cue = cueMemo.get(p.tokens[i]!);
    if (cue === 0) continue;
    if (cue & CUE_FR) fr++;
    if (cue & CUE_EN) en++;
    if (cue & CUE_OTHER) other++;
    if (cue & CUE_CONTRACTION) contraction = true;
  }
  // "don't" style contractions and French accents are strong hints.
  if (contraction) en += 1;
  if (FR_ACCENTS.test(p.raw)) fr += 1;
  if (OTHER_LETTERS.test(p.raw)) other += 1;
  return { fr, en, other };
}

const FRANC_CODES: Record<string, DetectedLang> = { fra: 'fr', eng: 'en' };

/**
 * fr, en or other. `platformLang` is the platform's own field, when it has one. With `explain`
 * false only `lang` is wanted: franc is then not asked when its answer could only confirm the cues
 * (`by` may read "cues" where it would read "franc"; `lang` is the same).
 */
export function detectLanguage(p: Prepared, platformLang?: string | null, explain = true): LanguageResult {
  const cues = languageCues(p);
  const margin = cues.fr - cues.en;
  const platform = normalizePlatformLang(platformLang);
  if (platform === 'fr' || platform === 'en') {
    // Trust the platform unless the words clearly say otherwise (wrong account settings are common).
    const against = platform === 'fr' ? -margin : margin;
    if (against >= 3 && (platform === 'fr' ? cues.fr : cues.en) === 0) {
      return { lang: platform === 'fr' ? 'en' : 'fr', by: 'cues' };
    }
    return { lang: platform, by: 'platform' };
  }
  if (platform) {
    // Another language per the platform: believe it unless French or English cues dominate.
    if (Math.abs(margin) >= 3) return { lang: margin > 0 ? 'fr' : 'en', by: 'cues' };
    return { lang: 'other', by: 'platform' };
  }
  if (Math.abs(margin) >= 2) return { lang: margin > 0 ? 'fr' : 'en', by: 'cues' };
  // Letters but no Latin ones: Arabic, Cyrillic, CJK... neither French nor English.
  if (!LATIN.test(p.raw) && ANY_LETTER.test(p.raw)) return { lang: 'other', by: 'cues' };
  // Here |margin| < 2. With one cue more on one side and no sign of a third language, every franc
  // answer below ends in the cues' language.
  if (!explain && margin !== 0 && cues.other === 0) return { lang: margin > 0 ? 'fr' : 'en', by: 'cues' };
  let letters = 0;
  for (let i = 0; i < p.seq.length; i++) if (p.kinds[i] === 0) letters += p.seq[i]!.length;
  if (letters >= 25) {
    const code = franc(p.raw, { only: FRANC_ONLY, minLength: 10 });
    const lang = FRANC_CODES[code];
    if (lang) {
      // franc on a dozen words can hesitate between fr and en: cues that disagree win.
      if (margin !== 0 && (margin > 0 ? 'fr' : 'en') !== lang)
        return { lang: margin > 0 ? 'fr' : 'en', by: 'cues' };
      return { lang, by: 'franc' };
    }
    if (code !== 'und' && (margin === 0 || (Math.abs(margin) < 2 && cues.other > 0))) {
      return { lang: 'other', by: 'franc' };
    }
  }
  if (margin !== 0) return { lang: margin > 0 ? 'fr' : 'en', by: 'cues' };
  // Last resort for one- or two-word posts: which language's lexicon knows the words.
  const { sentiment } = getLexicons();
  let fr = 0;
  let en = 0;
  for (let i = 0; i < p.seq.length; i++) {
    if (p.kinds[i] !== 0) continue;
    const w = p.seq[i]!;
    const inFr = sentiment.fr.words.has(w);
    const inEn = sentiment.en.words.has(w);
    if (inFr && !inEn) fr++;
    else if (inEn && !inFr) en++;
  }
  if (fr !== en) return { lang: fr > en ? 'fr' : 'en', by: 'cues' };
  return { lang: 'other', by: 'default' };
}
