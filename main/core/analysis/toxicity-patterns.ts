// Threat and doxxing patterns (on lowercased, accent-folded text), with the cheap word gates that
// spare most posts every regular expression.

export interface Pattern {
  re: RegExp;
  weight: number;
}

// Threats. Text is lowercased and accent-folded before matching.
export const THREATS: Pattern[] = [
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
export const PHONE =
  /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\b07\d{3}\s?\d{6}\b|(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b/;
export const ADDRESS_FR =
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av|boulevard|bd|impasse|allee|chemin|place|quai|route|cours|square|passage|residence|lotissement)\b/;
export const ADDRESS_EN =
  /\b\d{1,5}\s+(?:[a-z]+\s){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|crescent|close|grove|gardens)\b/;
export const EXPOSE = [
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

/** One pattern that matches where any of `res` does (they have no flags nor back-references). */
function anyOf(res: RegExp[]): RegExp {
  return new RegExp(res.map((re) => `(?:${re.source})`).join('|'));
}

/** Whether any threat pattern matches: one scan instead of one per pattern (threats are rare). */
export const ANY_THREAT = anyOf(THREATS.map((t) => t.re));
/** Whether any exposure pattern matches. */
export const ANY_EXPOSE = anyOf(EXPOSE);

export const SPREAD =
  /\b(appelez-le|appelez-la|appelez le|ecrivez-lui|faites tourner|lachez-vous|allez (lui|le|la) (voir|dire|rendre)|call (him|her)|everyone call|spread (it|this)|go see (him|her)|say hi|have fun|rendre visite|pay (him|her) a visit)\b/;
export const BUSINESS =
  /\b(service client|contactez-nous|contactez nous|appelez-nous|appelez nous|notre|nos|siege|standard|customer service|call us|contact us|our|head office|hq|support|hotline|du lundi|monday to|horaires|renseignement|information|reclamation|claim|store|magasin)\b/;

// Words without which no threat pattern can match, nor any exposure pattern: cheap gates before
// the regular expressions (most posts skip them all).
export const THREAT_GATE = new Set([
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
export const EXPOSE_GATE = new Set([
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
export const HAS_DIGIT = /\d/;
