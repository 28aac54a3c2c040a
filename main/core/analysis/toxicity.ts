// Toxicity in 0..1 with reasons: insult, threat, doxxing, targeted. Abuse is told apart from
// anger: swearing at a service ("c'est de la merde") is not abuse, insulting people is, and abuse
// aimed at one named person (a handle, a protected person, a team member) is flagged `targeted`.
// Obfuscation is undone before lookup: leet-speak (c0nn4rd, $alope), stretched letters
// (nuuuuls), spaced letters (c o n n a r d) and starred words (f***, enc*lé).
import type { DetectedLang } from './language';
import { getLexicons, type AbuseCategory, type AbuseLexicon, type Lang, type Lexicons } from './lexicons';
import { matchPhrase } from './sentiment-rules';
import { EMOJI, fold, PUNCT, type Prepared } from './text';

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

export const TOXIC_THRESHOLD = 0.5;

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};
const LEET_RE = /[0134578@$!|]/g;
const NEEDS_LEET = /[0134578@$!|]/;

/** c0nn4rd → connard; leaves plain words alone. */
export function deleet(w: string): string {
  return NEEDS_LEET.test(w) ? w.replace(LEET_RE, (c) => LEET[c] ?? c) : w;
}

// Words that make an insult aimed at someone: second person, vocatives, people as the subject.
const SECOND_PERSON = new Set([
  'tu',
  "t'",
  'te',
  'toi',
  'ta',
  'ton',
  'tes',
  'vous',
  'votre',
  'vos',
  'es',
  'etes',
  'espece',
  'bande',
  'sale',
  'sales',
  'pauvre',
  'pauvres',
  'you',
  "you're",
  'youre',
  'ur',
  'u',
  'your',
  'ya',
  'yourself',
  'yourselves',
  'bunch',
  'pack',
  'ye',
]);
const PEOPLE = new Set([
  'conseiller',
  'conseillers',
  'conseillere',
  'gens',
  'mec',
  'mecs',
  'gars',
  'meuf',
  'meufs',
  'direction',
  'dirigeant',
  'dirigeants',
  'pdg',
  'patron',
  'patrons',
  'chef',
  'chefs',
  'employe',
  'employes',
  'equipe',
  'livreur',
  'livreurs',
  'prof',
  'profs',
  'maire',
  'ministre',
  'president',
  'arbitre',
  'journaliste',
  'journalistes',
  'supporters',
  'supporter',
  'fans',
  'grevistes',
  'fonctionnaires',
  'migrants',
  'femmes',
  'hommes',
  'vieux',
  'jeunes',
  'bobos',
  'parisiens',
  'influenceuse',
  'influenceur',
  'youtubeur',
  'youtubeuse',
  'presentatrice',
  'presentateur',
  'commentateur',
  'stagiaire',
  'inges',
  'ingenieurs',
  'controleurs',
  'controleur',
  'agents',
  'agent',
  'cadres',
  'elus',
  'politiques',
  'flics',
  'keufs',
  'ceux',
  'celles',
  'elle',
  'lui',
  'people',
  'guys',
  'guy',
  'staff',
  'ceo',
  'boss',
  'manager',
  'managers',
  'driver',
  'drivers',
  'referee',
  'ref',
  'mayor',
  'minister',
  'teacher',
  'intern',
  'engineers',
  'strikers',
  'workers',
  'women',
  'men',
  'boomers',
  'liberals',
  'he',
  'she',
  'him',
  'her',
  'execs',
  'executives',
  'management',
  'officials',
  'politicians',
  'cops',
  'inspectors',
  'influencer',
  'youtuber',
  'presenter',
  'commentator',
  'journalist',
  'journalists',
  'host',
  'girl',
  'woman',
  'man',
  'dude',
  'bro',
  'mods',
  'admins',
  'devs',
]);
// Things: "c'est une sous-merde ce téléphone" is about a phone.
const THINGS = new Set([
  'appli',
  'app',
  'application',
  'site',
  'reseau',
  'network',
  'service',
  'telephone',
  'phone',
  'film',
  'movie',
  'match',
  'jeu',
  'game',
  'pizza',
  'plat',
  'produit',
  'product',
  'forfait',
  'plan',
  'box',
  'fibre',
  'fiber',
  'logo',
  'reforme',
  'reform',
  'offre',
  'truc',
  'thing',
  'connexion',
  'wifi',
  'update',
  'maj',
  'serie',
  'show',
  'album',
  'ecran',
  'screen',
  'voiture',
  'car',
  'internet',
  'interface',
  'patch',
  'journee',
  'day',
  'semaine',
  'week',
  'idee',
  'idea',
  'decision',
  'communique',
  'statement',
  'debat',
  'debate',
  'policy',
  'politique',
]);
// Accusations at a brand ("voleurs!") are anger; at one named person they are abuse.
const ACCUSATIONS = new Set([
  'voleur',
  'voleurs',
  'voleuse',
  'escroc',
  'escrocs',
  'menteur',
  'menteurs',
  'menteuse',
  'menteuses',
  'arnaqueur',
  'arnaqueurs',
  'charlatan',
  'charlatans',
  'liar',
  'liars',
  'thief',
  'thieves',
  'crook',
  'crooks',
  'fraud',
  'frauds',
  'scammer',
  'scammers',
  'vendu',
  'vendus',
  'hypocrite',
  'hypocrites',
  'corrupt',
  'crooked',
  'pourri',
  'pourris',
  'pourrie',
]);
// Adjectives that insult people but also describe things ("ce film est nul").
const SOFT = new Set([
  'nul',
  'nuls',
  'nulle',
  'nulles',
  'moche',
  'moches',
  'bete',
  'betes',
  'stupide',
  'stupides',
  'useless',
  'stupid',
  'dumb',
  'ugly',
  'fat',
  'lazy',
  'pathetic',
  'incompetent',
  'incapable',
  'incapables',
  'minable',
  'minables',
  'debile',
  'debiles',
  'worthless',
  'disgusting',
  'trash',
  'garbage',
  'naze',
  'nazes',
  'folle',
  'fou',
  'clueless',
  'brainless',
  'corrupt',
  'crooked',
  'pourri',
  'pourris',
  'pourrie',
  'con',
  'cons',
]);
const LAUGHTER = /\b(mdr|ptdr|lol|lmao|xd|jpp)\b|😂|🤣|😆|😜/;
const GAMES = /\b(mario ?kart|fifa|fortnite|smash|partie|game|match|tournoi|tournament|jeu|league)\b/;

interface Pattern {
  re: RegExp;
  weight: number;
}

// Threats. Text is lowercased and accent-folded before matching.
const THREATS: Pattern[] = [
  {
    re: /\b(on|je|nous|j') ?(sai[st]|connai[st]|savons|connaissons) (ou tu|ou vous|ou t'|ou (il|elle) (habite|vit|bosse|travaille|dort)|ton adresse|ta maison|ta voiture|tes enfants|ta famille|ou tu (habites|bosses|travailles|vis|dors))/,
    weight: 0.85,
  },
  {
    re: /\b(je|on|nous|j') ?(vais|va|allons|vas) (te|vous|le|la|les|t') ?(retrouver|trouver|tuer|buter|defoncer|cramer|bruler|egorger|frapper|tabasser|massacrer|faire la peau|casser la gueule|pourrir|saigner|faire payer|attraper|choper|niquer|regler son compte)/,
    weight: 0.85,
  },
  { re: /\bon (aura|va avoir) (ta|votre|sa|leur) peau\b/, weight: 0.85 },
  {
    re: /\btu vas (le )?(payer|regretter)( cher| tres cher| pour (ca|cela|tout))?\s*([.!]|$)|\btu vas (crever|mourir|souffrir|finir a l'hopital|finir a l'hosto|saigner)/,
    weight: 0.7,
  },
  {
    re: /\bvous allez (le )?payer( cher| tres cher| pour (ca|cela|tout))?\s*([.!]|$)|\bvous allez (crever|mourir|souffrir|saigner)/,
    weight: 0.7,
  },
  {
    re: /\bgare a (toi|vous)\b|\bfais (gaffe|attention) a toi\b|\bfaites gaffe a vous\b|\ba ta place,? je ferais (gaffe|attention)/,
    weight: 0.75,
  },
  { re: /\bt'es mort\b|\btu es mort\b|\bvous etes morts\b|\bt'es un homme mort\b/, weight: 0.8 },
  {
    re: /\b(je vais|on va|j'vais) ((bruler|cramer|incendier|faire sauter|saccager) (votre|vos|ton|ta|tes|leur|leurs|le|la|les|ce|cette|l')|tout casser|tout bruler)|\bfaire un carnage\b/,
    weight: 0.8,
  },
  {
    re: /\b(cramer|bruler|crame|brule) (vos|tes|leurs|ses) (voitures|bagnoles|maisons|agences|locaux)/,
    weight: 0.8,
  },
  {
    re: /\bprofite[zs]? bien de (tes|vos|ses) derniers (jours|instants|moments)|\btes jours sont comptes/,
    weight: 0.8,
  },
  {
    re: /\b(attendre|choper|coincer|cueillir) a la sortie\b|\ba la sortie (du|de son) (bureau|boulot|travail|taf)\b/,
    weight: 0.7,
  },
  { re: /\b(on va|on vient|allons|on va venir) (vous |te |lui )?rendre (une petite )?visite\b/, weight: 0.7 },
  {
    re: /\bsi je (te |le |la |les )?(croise|chope|vois|trouve|recroise)\b.{0,40}\b(defonce|tue|bute|frappe|casse|eclate|massacre)/,
    weight: 0.8,
  },
  { re: /\bsi tu (remets|reviens|refous)\b.{0,40}\b(mort|creve)/, weight: 0.8 },
  {
    re: /\bmerite[zs]?n?t? (qu'on|de) (vous |te |leur )?(crame|brule|tue|frappe|casse|defonce)/,
    weight: 0.75,
  },
  {
    re: /\b(we|i) know where (you|u|she|he|they) (live|lives|work|works|sleep|sleeps|park)|\b(know|have) (your|ur) (address|home address|car|kids|family|house)/,
    weight: 0.85,
  },
  {
    re: /\b(i'm|im|i am|we're|we are|were) (going to|gonna|coming to) (find|kill|hurt|beat|smash|end|get|burn|shoot|stab|destroy|murder|ruin) (you|u|him|her|them|your|ur)\b/,
    weight: 0.85,
  },
  {
    re: /\b(i'll|ill|i will|we'll|we will) (find|kill|hurt|get|end|smash|beat|burn|shoot|stab|murder) (you|u|him|her|them|your)\b/,
    weight: 0.85,
  },
  {
    re: /\byou('ll| will|'re going to| are going to|'re gonna| are gonna| gonna) (pay|die|suffer|bleed|end up in (the )?hospital)\b/,
    weight: 0.75,
  },
  {
    re: /\bwatch (your|ur) back\b|\bwatch yourself\b|\bsleep with one eye open\b|\bi'd be careful\b/,
    weight: 0.75,
  },
  {
    re: /\byou('re| are) dead\b|\byour days are numbered\b|\benjoy your last (days?|weeks?|hours?)\b/,
    weight: 0.8,
  },
  {
    re: /\b(end|ending) (you|u)\b|\bburn (your|the|this|their) \w+ down\b|\bshoot (the place|this place|it) up\b|\bshoot (you|him|her|them)\b/,
    weight: 0.85,
  },
  { re: /\bdeserve to (die|have (your|their) \w+ (torched|burned|smashed))\b/, weight: 0.75 },
  {
    re: /\bpay (you|u|him|her|them) a (little )?visit\b|\bwait(ing)? for (you|them|these people|him|her) outside\b/,
    weight: 0.7,
  },
  { re: /\bif i (see|catch|find|meet)\b.{0,40}\b(beat|kill|punch|smash|hurt|stab)/, weight: 0.8 },
  { re: /\bset foot here again\b.{0,30}\bdead\b/, weight: 0.8 },
  { re: /\byou('ll| will) regret\b|\btu vas regretter\b/, weight: 0.45 },
  { re: /\bvous allez (le )?regretter\b/, weight: 0.35 },
];

// Doxxing: personal data, and words that expose or ask for it.
const PHONE =
  /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\b07\d{3}\s?\d{6}\b|(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b/;
const ADDRESS_FR =
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av|boulevard|bd|impasse|allee|chemin|place|quai|route|cours|square|passage|residence|lotissement)\b/;
const ADDRESS_EN =
  /\b\d{1,5}\s+(?:[a-z]+\s){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|crescent|close|grove|gardens)\b/;
const EXPOSE = [
  /\b(il|elle|ils|elles) (habite|habitent|vit|vivent|bosse|bossent|travaille|travaillent|dort) (a|au|aux|dans|rue|avenue|en|chez|pres)\b/,
  /\b(son|sa|leur) (adresse|numero|num|tel|telephone|portable|mail|email|insta|domicile|plaque)\b/,
  /\b(adresse|numero|num|mail|tel|portable|telephone) (perso|personnel|personnelle|prive|privee)\b/,
  /\bou (il|elle|ils|elles) (habite|habitent|vit|vivent|bosse|travaille)\b/,
  /\b(voici|voila|je balance|balancez|je lache|trouvez(-moi)?|qui a|quelqu'un a|donnez-moi)\b.{0,40}\b(son adresse|ses coordonnees|son numero|adresse perso|numero perso|ou (il|elle) (habite|bosse))/,
  /\b(il|elle) bosse (au|a la|dans)\b.{0,40}\b(etage|bureau|tour)\b/,
  /\b(he|she|they) (lives|live|works|work) (at|in|on|near)\b/,
  /\b(his|her|their) (home |personal |private )?(address|number|phone|cell|email|house|workplace|insta|plate)\b/,
  /\b(personal|home|private) (address|number|phone|email|cell)\b/,
  /\bwhere (he|she|they) (lives?|works?)\b/,
  /\b(dropping|here's|heres|leaking|posting) (his|her|their)\b/,
  /\b(find out|find) where (he|she|they|this \w+|that \w+) (lives?|works?)\b/,
];
const SPREAD =
  /\b(appelez-le|appelez-la|appelez le|ecrivez-lui|faites tourner|lachez-vous|allez (lui|le|la) (voir|dire|rendre)|call (him|her)|everyone call|spread (it|this)|go see (him|her)|say hi|have fun|rendre visite|pay (him|her) a visit)\b/;
const BUSINESS =
  /\b(service client|contactez-nous|contactez nous|appelez-nous|appelez nous|notre|nos|siege|standard|customer service|call us|contact us|our|head office|hq|support|hotline|du lundi|monday to|horaires|renseignement|information|reclamation|claim|store|magasin)\b/;

// Words without which no threat pattern can match, nor any exposure pattern: cheap gates before
// the regular expressions (most posts skip them all).
const THREAT_GATE = new Set([
  'sait',
  'sais',
  'connait',
  'connais',
  'savons',
  'connaissons',
  'vais',
  'va',
  'allons',
  'vas',
  'vais',
  'aura',
  'gare',
  'gaffe',
  'attention',
  'mort',
  'morts',
  'bruler',
  'cramer',
  'crame',
  'brule',
  'profite',
  'profitez',
  'profites',
  'comptes',
  'sortie',
  'visite',
  'croise',
  'chope',
  'vois',
  'trouve',
  'recroise',
  'remets',
  'reviens',
  'refous',
  'merite',
  'meritez',
  'meritent',
  'carnage',
  'allez',
  'know',
  'going',
  'gonna',
  'coming',
  "i'll",
  'ill',
  'will',
  "we'll",
  "you'll",
  "you're",
  'watch',
  'sleep',
  'careful',
  'dead',
  'numbered',
  'last',
  'end',
  'ending',
  'burn',
  'shoot',
  'deserve',
  'pay',
  'wait',
  'waiting',
  'see',
  'catch',
  'find',
  'meet',
  'set',
  'regret',
  'regretter',
  'payer',
]);
const EXPOSE_GATE = new Set([
  'habite',
  'habitent',
  'vit',
  'vivent',
  'bosse',
  'bossent',
  'travaille',
  'travaillent',
  'dort',
  'adresse',
  'numero',
  'num',
  'tel',
  'mail',
  'email',
  'insta',
  'domicile',
  'plaque',
  'coordonnees',
  'portable',
  'telephone',
  'lives',
  'live',
  'works',
  'work',
  'address',
  'number',
  'phone',
  'cell',
  'house',
  'workplace',
  'where',
  'dropping',
  "here's",
  'heres',
  'leaking',
  'posting',
  'plate',
]);
const HAS_DIGIT = /\d/;

/** Normalizes a handle for comparison: lowercase, no @. */
function normHandle(h: string): string {
  return h.replace(/^@/, '').toLowerCase();
}

interface NameMatcher {
  label: string;
  handles: Set<string>;
  /** Folded words of the name: the regex only runs when one of them is in the post. */
  words: Set<string>;
  /** Folded full name and surname (4+ letters), matched as whole words. */
  re: RegExp | null;
}

const matcherCache = new WeakMap<object, { people: NameMatcher[]; brands: NameMatcher[] }>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildMatchers(list: Person[] | undefined, surnames: boolean): NameMatcher[] {
  return (list ?? []).map((p) => {
    const name = fold(p.name).trim();
    const parts = name.split(/\s+/).filter(Boolean);
    const alts = [escapeRe(name)];
    const last = parts[parts.length - 1];
    if (surnames && parts.length > 1 && last && last.length >= 4) alts.push(escapeRe(last));
    const handles = new Set<string>();
    for (const h of p.handles ?? []) {
      const n = normHandle(h);
      handles.add(n);
      handles.add(n.split('@')[0]!);
    }
    return {
      label: p.name,
      handles,
      words: new Set(parts),
      re: name ? new RegExp(`(?:^|[^\\p{L}])(?:${alts.join('|')})(?![\\p{L}])`, 'u') : null,
    };
  });
}

function matchers(ctx: ToxicityContext): { people: NameMatcher[]; brands: NameMatcher[] } {
  let m = matcherCache.get(ctx);
  if (!m) {
    m = {
      people: [...buildMatchers(ctx.protectedPeople, true), ...buildMatchers(ctx.teamMembers, true)],
      brands: buildMatchers(ctx.brands, false),
    };
    matcherCache.set(ctx, m);
  }
  return m;
}

const RANK_CATEGORY: Record<number, AbuseCategory> = {
  4: 'strong',
  3: 'insult',
  2: 'animal',
  1: 'profanity',
};

interface Hit {
  cat: AbuseCategory | 'phrase';
  word: string;
  at: number;
}

function lookupAbuse(abuse: AbuseLexicon[], w: string): AbuseCategory | undefined {
  for (const a of abuse) {
    const c = a.words.get(w);
    if (c) return c;
  }
  if (w.includes('*') && w.length >= 3) {
    // Starred words: each * stands for one letter ("f***", "enc*les").
    const re = new RegExp(`^${w.split('*').map(escapeRe).join('[a-z]')}$`);
    for (const a of abuse)
      for (const cand of a.byLength.get(w.length) ?? []) if (re.test(cand)) return a.words.get(cand);
  }
  return undefined;
}

const startsCache = new WeakMap<AbuseLexicon, WeakMap<AbuseLexicon, Set<string>>>();

/** First words of every phrase (abusive or harmless) of the lexicons in play. */
function phraseStarts(abuse: AbuseLexicon[]): Set<string> {
  const [a, b = a] = abuse as [AbuseLexicon, AbuseLexicon?];
  let inner = startsCache.get(a);
  if (!inner) startsCache.set(a, (inner = new WeakMap()));
  let set = inner.get(b);
  if (!set) {
    set = new Set<string>();
    for (const l of abuse)
      for (const x of [l.phrases, l.benignPhrases]) for (const w of x.phraseStarts) set.add(w);
    inner.set(b, set);
  }
  return set;
}

/** Abuse words and phrases in the post, obfuscation undone. */
function findAbuse(p: Prepared, abuse: AbuseLexicon[]): Hit[] {
  const hits: Hit[] = [];
  const { seq, kinds } = p;
  // De-leeted sequence (emoji and punctuation kept as separators).
  const words = seq.map((w, i) => (kinds[i] === EMOJI || kinds[i] === PUNCT ? '\u0000' : deleet(w)));
  const starts = phraseStarts(abuse);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '\u0000') continue;
    // Harmless expressions that contain abusive words ("ta gueule de bois").
    let benign: [number, number] | null = null;
    let phrase: [number, number] | null = null;
    if (starts.has(w)) {
      for (const a of abuse) benign ??= matchPhrase(words, i, a.benignPhrases);
      if (benign) {
        i += benign[1] - 1;
        continue;
      }
      for (const a of abuse) phrase ??= matchPhrase(words, i, a.phrases);
    }
    if (phrase) {
      // Abusive expressions are ranked like strong words; multi-word swearing stays swearing.
      const cat = RANK_CATEGORY[phrase[0]] ?? 'phrase';
      hits.push({
        cat: cat === 'strong' ? 'phrase' : cat,
        word: words.slice(i, i + phrase[1]).join(' '),
        at: i,
      });
      i += phrase[1] - 1;
      continue;
    }
    // Spaced letters: "c o n n a r d".
    if (w.length === 1) {
      let j = i;
      let joined = '';
      while (j < words.length && words[j]!.length === 1 && words[j] !== '\u0000') joined += words[j++];
      if (j - i >= 3) {
        const cat = lookupAbuse(abuse, joined);
        if (cat) {
          hits.push({ cat, word: joined, at: i });
          i = j - 1;
          continue;
        }
      }
    }
    const cat =
      lookupAbuse(abuse, w) ?? (w.includes("'") ? lookupAbuse(abuse, w.replace(/'/g, '')) : undefined);
    if (cat) hits.push({ cat, word: w, at: i });
  }
  return hits;
}

// Abuse words of one language that are ordinary words of the other.
const FALSE_FRIENDS = new Set([
  'retard',
  'retards',
  'retarded',
  'bite',
  'pet',
  'con',
  'cons',
  'tape',
  'gland',
  'manche',
  'douche',
  'pine',
]);
const crossCache = new Map<string, AbuseLexicon>();

/** The other language's strong words and phrases, without its false friends. */
function crossLanguage(lex: Lexicons, from: Lang, into: DetectedLang): AbuseLexicon {
  const key = `${from}>${into}`;
  let c = crossCache.get(key);
  if (!c) {
    const src = lex.abuse[from];
    const words = new Map<string, AbuseCategory>();
    for (const [w, cat] of src.words) if (cat === 'strong' && !FALSE_FRIENDS.has(w)) words.set(w, cat);
    const byLength = new Map<number, string[]>();
    for (const w of words.keys()) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
    c = { words, phrases: src.phrases, benignPhrases: src.benignPhrases, byLength };
    crossCache.set(key, c);
  }
  return c;
}

/** Toxicity of a prepared post. */
export function scoreToxicity(
  p: Prepared,
  lang: DetectedLang,
  ctx: ToxicityContext = {},
  lex: Lexicons = getLexicons(),
): ToxicityResult {
  // The post's language first; the other one too (people swear across languages), except for words
  // that are ordinary in the post's language ("retard" is a delay in French).
  const langs: Lang[] = lang === 'other' ? ['fr', 'en'] : [lang, lang === 'fr' ? 'en' : 'fr'];
  const abuse = langs.map((l, i) =>
    i === 1 && lang !== 'other' ? crossLanguage(lex, l, lang) : lex.abuse[l],
  );
  const { seq } = p;
  let foldedCache: string | null = null;
  const folded = () => (foldedCache ??= fold(p.raw));

  // Who is named or tagged.
  const m = matchers(ctx);
  const targets: string[] = [];
  for (const person of m.people) {
    if (
      p.handles.some((h) => person.handles.has(h) || person.handles.has(h.split('@')[0]!)) ||
      (person.re && seq.some((w) => person.words.has(w)) && person.re.test(folded()))
    ) {
      targets.push(person.label);
    }
  }
  const brandHandle = (h: string) =>
    m.brands.some((b) => b.handles.has(h) || b.handles.has(h.split('@')[0]!));
  const personHandles = p.handles.filter((h) => !brandHandle(h));
  const individual = targets.length > 0 || personHandles.length > 0;

  const wordCount = p.wordCount;
  let second = false;
  let people = false;
  let thing = false;
  let threatGate = false;
  let exposeGate = false;
  for (const w of seq) {
    if (SECOND_PERSON.has(w)) second = true;
    else if (PEOPLE.has(w)) people = true;
    if (THINGS.has(w)) thing = true;
    if (THREAT_GATE.has(w)) threatGate = true;
    if (EXPOSE_GATE.has(w)) exposeGate = true;
  }
  const vocative = wordCount <= 3;
  const directed = second || individual || vocative;
  const aimedAtPeople = directed || people;

  // Insults.
  let insult = 0;
  for (const h of findAbuse(p, abuse)) {
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
    for (const t of THREATS) if (t.weight > threat && t.re.test(f)) threat = t.weight;
    if (threat > 0 && LAUGHTER.test(f) && GAMES.test(f)) threat *= 0.3;
  }

  // Doxxing.
  let doxxing = 0;
  const digits = HAS_DIGIT.test(p.raw);
  if (digits || exposeGate || p.emails.length > 0) {
    const f = folded();
    const pii =
      p.emails.length > 0 || (digits && (PHONE.test(p.raw) || ADDRESS_FR.test(f) || ADDRESS_EN.test(f)));
    const exposed = exposeGate && EXPOSE.some((re) => re.test(f));
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

  const signals = [insult, threat, doxxing];
  let keep = 1;
  for (const s of signals) keep *= 1 - s;
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

// "t'es une merde", "you piece of shit": swearing used as a noun for someone.
function precededByArticle(seq: string[], at: number): boolean {
  const prev = seq[at - 1];
  const prev2 = seq[at - 2];
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
  return (prev !== undefined && ARTICLES.has(prev)) || (prev2 !== undefined && ARTICLES.has(prev2));
}
