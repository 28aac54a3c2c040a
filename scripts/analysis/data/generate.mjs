// Generates the synthetic half of the sentiment training corpus: templates × slots × the ways
// people really write (no accents, typos, SMS spelling, caps, "!!!", emoji, hashtags, handles,
// links, irony). Deterministic: the same seed gives the same corpus. Never reads tests/eval/.
//   generate(lang, count, seed) → [{ text, label }]

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FR = {
  brands: [
    'Free',
    'SFR',
    'Orange',
    'Bouygues',
    'la SNCF',
    'la RATP',
    'Air France',
    'EDF',
    'Engie',
    'la Poste',
    'Chronopost',
    'Amazon',
    'Cdiscount',
    'Fnac',
    'Darty',
    'Deliveroo',
    'Uber Eats',
    'Uber',
    'Blablacar',
    'Netflix',
    'Spotify',
    'Canal+',
    'Disney+',
    'la CAF',
    'Pôle emploi',
    'la banque',
    'ma banque',
    'le Crédit Mutuel',
    'la BNP',
    'LCL',
    'Boursorama',
    'Ameli',
    'ma mutuelle',
    'Ikea',
    'Leroy Merlin',
    'Carrefour',
    'Lidl',
    'Auchan',
    'Decathlon',
    'Zara',
    'Vinted',
    'Leboncoin',
    'Doctolib',
    'Ubisoft',
    'Nintendo',
    'Sony',
    'Apple',
    'Samsung',
    'Xiaomi',
    'Tesla',
    'Renault',
    'Peugeot',
    'Total',
    'la mairie',
    'la préfecture',
    'mon opérateur',
    "l'hôpital",
    'la clinique',
    'le lycée',
    "l'école",
    'la fac',
    'mon proprio',
    "l'agence",
    'le syndic',
    "l'assurance",
    'Maif',
    'Axa',
    'Ryanair',
    'easyJet',
    'Transavia',
    'Booking',
    'Airbnb',
    'Ouigo',
    'le TER',
    'le RER',
    'Twitch',
    'Steam',
    'le club',
    "l'OM",
    'le PSG',
  ],
  things: [
    "l'appli",
    'le site',
    'la box',
    'la fibre',
    'le réseau',
    'le service client',
    'le SAV',
    'la livraison',
    'ma commande',
    'mon colis',
    'le train',
    'le bus',
    'le vol',
    'la hotline',
    'le wifi',
    'la mise à jour',
    'le jeu',
    'le serveur',
    'le forfait',
    'la facture',
    'le remboursement',
    'le chatbot',
    'le guichet',
    'la connexion',
    'le match',
    'le concert',
    'le film',
    'la série',
    "l'épisode",
    'le resto',
    'le plat',
    'le produit',
    'le téléphone',
    'la batterie',
    'la carte',
    'le compte',
    'le dossier',
    'la réparation',
    'le technicien',
    'le conseiller',
    'la chambre',
    "l'accueil",
    'le menu',
    'le patch',
    'le stream',
  ],
  negPred: [
    'est encore en panne',
    'ne marche plus depuis hier',
    'plante toutes les cinq minutes',
    'est une catastrophe',
    'est une honte',
    'est inutilisable',
    "m'a facturé deux fois",
    'a perdu mon colis',
    'ne répond jamais',
    'a annulé ma commande sans prévenir',
    "c'est n'importe quoi",
    'me rend fou',
    "m'a fait perdre toute ma journée",
    'est en retard de deux heures',
    'est toujours aussi nul',
    'est une arnaque',
    'coûte une fortune pour rien',
    'a encore augmenté ses prix',
    'est hors service',
    "m'a raccroché au nez",
    'me balade depuis des semaines',
    "n'a jamais été livré",
    'est arrivé cassé',
    'est lent à mourir',
    'bug de partout',
    'se fout de nous',
    'nous prend pour des pigeons',
    'a supprimé mon compte sans raison',
    'a refusé mon remboursement',
    'est saturé',
    'est à la ramasse',
    'est dégueulasse',
    'est devenu injouable',
    'me saoule grave',
    'a complètement raté son lancement',
    'est pire que jamais',
    'ne tient pas ses promesses',
    'me déçoit énormément',
    'vient de me lâcher',
    'est froid et immangeable',
    'a ruiné mon week-end',
    'me coupe en pleine réunion',
    'a des frais cachés partout',
  ],
  posPred: [
    'a réglé mon souci en cinq minutes',
    'est vraiment au top',
    'est super efficace',
    'marche nickel depuis le changement',
    'est génial',
    "m'a bien aidé",
    'est arrivé en avance',
    'est impeccable',
    'a été adorable',
    'est une pépite',
    'vaut vraiment le coup',
    'a dépassé mes attentes',
    'est trop bien',
    "m'a remboursé sans discuter",
    'est rapide et fiable',
    'est une réussite',
    'a fait un travail incroyable',
    'est parfait',
    'me facilite la vie',
    'est un régal',
    'a été très pro',
    'a été hyper réactif',
    'a été super sympa',
    'est de mieux en mieux',
    'tourne sans aucun bug',
    'est magnifique',
    'me rend service tous les jours',
    'est une tuerie',
    'est au poil',
  ],
  neuPred: [
    'change ses horaires à partir de lundi',
    'annonce une nouvelle offre',
    'sera fermé dimanche',
    'publie ses résultats demain',
    'passe en version 3',
    'ouvre une agence à Lille',
    'recrute pour cet été',
    'sera en maintenance cette nuit',
    'modifie ses conditions générales',
    'organise une réunion jeudi',
    'lance une nouvelle gamme',
    'déménage en septembre',
    'a publié un communiqué',
    'sera présent au salon',
    'a changé de directeur',
  ],
  questions: [
    "Quelqu'un sait si {t} de {b} fonctionne aujourd'hui ?",
    'Est-ce que {b} livre le dimanche ?',
    'Comment on contacte {b} ?',
    'Vous savez à quelle heure ouvre {b} ?',
    "C'est normal que {t} demande une mise à jour ?",
    '{b} propose des offres pour les étudiants ?',
    'Des avis sur {t} de {b} ?',
    'On peut payer {t} en plusieurs fois chez {b} ?',
    'Il faut un rendez-vous pour {b} ?',
    'Quel est le numéro de {b} ?',
    '@{h} bonjour, mon dossier est bien pris en compte ?',
    '{b} accepte les chèques ?',
    "quelqu'un a déjà testé {t} de {b} ?",
  ],
  negFrames: [
    '{B} {neg}',
    '{T} de {b} {neg}',
    'franchement {t} {neg}',
    "{T} {neg}, comme d'hab",
    'encore une fois {t} {neg}',
    'Sérieux {b}, {t} {neg}',
    'je suis dégoûté, {t} {neg}',
    '{T} {neg}. Plus jamais {b}.',
    'Ras le bol, {t} {neg}',
    '@{h} {t} {neg}',
    'Trois jours que {t} {neg}',
    'Bon bah {t} {neg}',
    "Honnêtement {b} c'est fini pour moi, {t} {neg}",
    "J'en peux plus, {t} {neg}",
    'Pas content du tout, {t} {neg}',
    'Je déconseille {b}, {t} {neg}',
  ],
  posFrames: [
    '{B} {pos}',
    '{T} de {b} {pos}',
    'franchement {t} {pos}',
    'Merci {b}, {t} {pos}',
    'Agréablement surpris, {t} {pos}',
    '{T} {pos}, je recommande',
    'Bravo {b}, {t} {pos}',
    'Je dois dire que {t} {pos}',
    '@{h} merci, {t} {pos}',
    'Trop contente, {t} {pos}',
    'Honnêtement {t} {pos}',
    'Rien à redire, {t} {pos}',
    'Fidèle à {b} depuis des années, {t} {pos}',
  ],
  neuFrames: [
    '{B} {neu}',
    'Info : {b} {neu}',
    '{B} {neu}, plus de détails sur le site',
    "D'après le communiqué, {b} {neu}",
    'À noter : {b} {neu}',
    "Je suis passé de {b} à {b2} le mois dernier et j'ai gardé mon numéro",
    'On vient de déménager et on attend que {b} installe {t}',
    'Promo {b} : {t} à {price} par mois la première année',
    '{B} lance {t} à {price}, disponible dès lundi dans les boutiques',
    "Je teste {t} de {b} depuis une semaine, je vous dirai ce que j'en pense",
    'Pour info {t} de {b} passe à {price} à partir du mois prochain',
    'Mon frère travaille chez {b} et il dit que {t} change en septembre',
    "Hier soir j'ai regardé le reportage sur {b} et {t}",
    'Petit rappel : {t} de {b} est fermé le 15 août et rouvre le lendemain',
    'Je viens de recevoir la lettre de {b} avec les nouveaux tarifs de {t}',
    '{B} et {b2} annoncent un partenariat pour {t}',
    'On compare {t} de {b} et de {b2} avant de choisir, des avis ?',
    "Le {t} de {b} est à {price} en ce moment, la même chose que l'an dernier",
  ],
  irony: [
    'Bravo {b}, {t} {neg} 👏👏',
    'Merci {b}, {t} {neg}, génial 🙄',
    'Génial... {t} {neg}',
    'Super, {t} {neg} encore une fois',
    'Trop bien, {t} {neg} 🙃',
    'Chapeau {b}, {t} {neg}',
    'Quel plaisir, {t} {neg}...',
    'Merci pour rien {b}',
    'Top le service {b}, {t} {neg}',
    'Félicitations {b}, {t} {neg} 🤡',
  ],
  negation: [
    ["{T} n'est pas terrible", 'negative'],
    ['{T} ne marche pas', 'negative'],
    ["{T} n'est pas du tout pratique", 'negative'],
    ['Pas satisfait de {t}', 'negative'],
    ["{T} n'est jamais à l'heure", 'negative'],
    ['Pas un seul geste de {b}', 'negative'],
    ['Je ne recommande pas {b}', 'negative'],
    ['Jamais eu de souci avec {b}', 'positive'],
    ["{T} n'est pas mal du tout", 'positive'],
    ['Pas déçu par {t}', 'positive'],
    ["Aucun problème avec {t}, c'est fluide", 'positive'],
    ['{T} pas top du tout', 'negative'],
    ["{T} n'a rien de génial", 'negative'],
    ['Pas de bug depuis la mise à jour, enfin', 'positive'],
  ],
  contrast: [
    ['{T} {pos} mais {t2} {neg}', 'negative'],
    ['{T} {neg} mais {t2} {pos}', 'positive'],
  ],
  negEmoji: ['😡', '🤬', '😤', '👎', '😠', '😭', '😩', '🙄', '💢', '😒', '🤡', '😞'],
  posEmoji: ['😍', '👍', '🙏', '❤️', '🥰', '👏', '🔥', '😊', '🎉', '💯', '🙌', '😁'],
  neuEmoji: ['🤔', '👀', '📢', 'ℹ️', '📅'],
  intens: ['vraiment', 'trop', 'tellement', 'super', 'grave', 'complètement', 'carrément'],
  sms: [
    ['je ne sais pas', 'jsp'],
    ["c'est", 'c'],
    ['toujours', 'tjrs'],
    ['beaucoup', 'bcp'],
    ['pourquoi', 'pk'],
    ['vous', 'vs'],
    ['quand', 'qd'],
    ["j'ai", 'jai'],
    ['pour', 'pr'],
    ['quelque chose', 'qqch'],
  ],
  tail: ['', '', '', ' mdr', ' ptdr', ' sérieux', ' franchement', ' bref', ' voilà', ' quoi'],
};

const EN = {
  brands: [
    'Comcast',
    'Verizon',
    'AT&T',
    'T-Mobile',
    'Sky',
    'BT',
    'Virgin Media',
    'Amtrak',
    'the MTA',
    'Southern Rail',
    'United',
    'Delta',
    'American Airlines',
    'Ryanair',
    'easyJet',
    'PG&E',
    'British Gas',
    'USPS',
    'UPS',
    'FedEx',
    'Royal Mail',
    'Amazon',
    'Walmart',
    'Target',
    'Best Buy',
    'DoorDash',
    'Uber Eats',
    'Uber',
    'Lyft',
    'Netflix',
    'Spotify',
    'Hulu',
    'Disney+',
    'the DMV',
    'the IRS',
    'my bank',
    'Chase',
    'Wells Fargo',
    'Barclays',
    'Monzo',
    'my insurance',
    'IKEA',
    'Home Depot',
    'Costco',
    'Tesco',
    'Nike',
    'Zara',
    'eBay',
    'Etsy',
    'Steam',
    'EA',
    'Activision',
    'Nintendo',
    'Sony',
    'Apple',
    'Samsung',
    'Google',
    'Tesla',
    'Ford',
    'Shell',
    'the council',
    'city hall',
    'my carrier',
    'the hospital',
    'the clinic',
    'the school',
    'my landlord',
    'the agency',
    'Airbnb',
    'Booking',
    'Expedia',
    'Twitch',
    'the club',
    'Chelsea',
    'the Lakers',
  ],
  things: [
    'the app',
    'the website',
    'the router',
    'the fiber',
    'the network',
    'customer service',
    'support',
    'the delivery',
    'my order',
    'my package',
    'the train',
    'the bus',
    'the flight',
    'the hotline',
    'the wifi',
    'the update',
    'the game',
    'the server',
    'my plan',
    'the bill',
    'the refund',
    'the chatbot',
    'the counter',
    'the connection',
    'the match',
    'the gig',
    'the movie',
    'the show',
    'the episode',
    'the restaurant',
    'the food',
    'the product',
    'the phone',
    'the battery',
    'the card',
    'my account',
    'the claim',
    'the repair',
    'the technician',
    'the agent',
    'the room',
    'the staff',
    'the menu',
    'the patch',
    'the stream',
  ],
  negPred: [
    'is down again',
    "hasn't worked since yesterday",
    'crashes every five minutes',
    'is a disaster',
    'is a disgrace',
    'is unusable',
    'charged me twice',
    'lost my package',
    'never answers',
    'cancelled my order without warning',
    'is a joke',
    'is driving me insane',
    'wasted my whole day',
    'is two hours late',
    'is still garbage',
    'is a scam',
    'costs a fortune for nothing',
    'raised prices again',
    'is out of service',
    'hung up on me',
    'has been stalling for weeks',
    'never arrived',
    'arrived broken',
    'is painfully slow',
    'is buggy as hell',
    "doesn't give a damn about us",
    'treats us like idiots',
    'deleted my account for no reason',
    'refused my refund',
    'is overloaded',
    'is a mess',
    'is disgusting',
    'is unplayable now',
    'is so annoying',
    'botched the launch',
    'is worse than ever',
    "doesn't keep its promises",
    'let me down big time',
    'just died on me',
    'was cold and inedible',
    'ruined my weekend',
    'drops me mid meeting',
    'has hidden fees everywhere',
  ],
  posPred: [
    'fixed my issue in five minutes',
    'is absolutely top notch',
    'is super efficient',
    'works perfectly since the switch',
    'is brilliant',
    'really helped me out',
    'arrived early',
    'is flawless',
    'was lovely',
    'is a hidden gem',
    'is totally worth it',
    'exceeded my expectations',
    'is so good',
    'refunded me no questions asked',
    'is fast and reliable',
    'is a success',
    'did an amazing job',
    'is perfect',
    'makes my life easier',
    'is delicious',
    'was very professional',
    'was super responsive',
    'was so friendly',
    'keeps getting better',
    'runs without a single bug',
    'is gorgeous',
    'saves me every day',
    'slaps',
    'is spot on',
  ],
  neuPred: [
    'changes its opening hours from Monday',
    'announced a new plan',
    'will be closed on Sunday',
    'publishes results tomorrow',
    'moves to version 3',
    'opens a branch in Leeds',
    'is hiring for the summer',
    'has maintenance tonight',
    'updated its terms',
    'holds a meeting on Thursday',
    'launches a new range',
    'is relocating in September',
    'posted a statement',
    'will be at the trade show',
    'has a new CEO',
  ],
  questions: [
    'does anyone know if {t} at {b} works today?',
    'does {b} deliver on Sundays?',
    'how do you contact {b}?',
    'what time does {b} open?',
    'is it normal that {t} wants an update?',
    'does {b} have student deals?',
    'any reviews of {t} from {b}?',
    'can you pay for {t} in installments at {b}?',
    'do you need an appointment at {b}?',
    "what's the number for {b}?",
    '@{h} hi, has my claim been registered?',
    'does {b} take cash?',
    'has anyone tried {t} from {b}?',
  ],
  negFrames: [
    '{B} {neg}',
    '{T} at {b} {neg}',
    'honestly {t} {neg}',
    '{T} {neg}, as usual',
    'once again {t} {neg}',
    'seriously {b}, {t} {neg}',
    'so fed up, {t} {neg}',
    '{T} {neg}. Never again {b}.',
    'sick of this, {t} {neg}',
    '@{h} {t} {neg}',
    'three days and {t} {neg}',
    'well {t} {neg}',
    "I'm done with {b}, {t} {neg}",
    "can't take it anymore, {t} {neg}",
    'not happy at all, {t} {neg}',
    'avoid {b}, {t} {neg}',
  ],
  posFrames: [
    '{B} {pos}',
    '{T} at {b} {pos}',
    'honestly {t} {pos}',
    'thanks {b}, {t} {pos}',
    'pleasantly surprised, {t} {pos}',
    '{T} {pos}, recommend',
    'well done {b}, {t} {pos}',
    'gotta say {t} {pos}',
    '@{h} thank you, {t} {pos}',
    'so happy, {t} {pos}',
    'ngl {t} {pos}',
    'no complaints, {t} {pos}',
    'loyal to {b} for years, {t} {pos}',
  ],
  neuFrames: [
    '{B} {neu}',
    'FYI: {b} {neu}',
    '{B} {neu}, details on the website',
    'according to the statement, {b} {neu}',
    'heads up: {b} {neu}',
    'switched from {b} to {b2} last month and kept my number',
    'we just moved and are waiting for {b} to set up {t}',
    'deal: {t} from {b} at {price} a month for the first year',
    '{B} launches {t} at {price}, in stores from Monday',
    'been testing {t} from {b} for a week, will report back',
    'FYI {t} at {b} goes up to {price} from next month',
    'my brother works at {b} and says {t} changes in September',
    'watched the documentary about {b} and {t} last night',
    'reminder: {t} at {b} is closed on the 4th and reopens the day after',
    'just got the letter from {b} with the new prices for {t}',
    '{B} and {b2} announce a partnership on {t}',
    'comparing {t} from {b} and {b2} before choosing, thoughts?',
    '{t} at {b} is {price} right now, same as last year',
  ],
  irony: [
    'well done {b}, {t} {neg} 👏👏',
    'thanks {b}, {t} {neg}, great 🙄',
    'great... {t} {neg}',
    'awesome, {t} {neg} yet again',
    'love that, {t} {neg} 🙃',
    'bravo {b}, {t} {neg}',
    'what a treat, {t} {neg}...',
    'thanks for nothing {b}',
    'stellar service {b}, {t} {neg}',
    'congrats {b}, {t} {neg} 🤡',
  ],
  negation: [
    ['{T} is not great', 'negative'],
    ["{T} doesn't work", 'negative'],
    ['{T} is not convenient at all', 'negative'],
    ['not happy with {t}', 'negative'],
    ['{T} is never on time', 'negative'],
    ['not one gesture from {b}', 'negative'],
    ["wouldn't recommend {b}", 'negative'],
    ['never had a problem with {b}', 'positive'],
    ['{T} is not bad at all', 'positive'],
    ['not disappointed by {t}', 'positive'],
    ['no issues with {t}, smooth', 'positive'],
    ['{T} not good at all', 'negative'],
    ['nothing great about {t}', 'negative'],
    ['no bugs since the update, finally', 'positive'],
  ],
  contrast: [
    ['{T} {pos} but {t2} {neg}', 'negative'],
    ['{T} {neg} but {t2} {pos}', 'positive'],
  ],
  negEmoji: ['😡', '🤬', '😤', '👎', '😠', '😭', '😩', '🙄', '💢', '😒', '🤡', '😞'],
  posEmoji: ['😍', '👍', '🙏', '❤️', '🥰', '👏', '🔥', '😊', '🎉', '💯', '🙌', '😁'],
  neuEmoji: ['🤔', '👀', '📢', 'ℹ️', '📅'],
  intens: ['really', 'so', 'totally', 'super', 'absolutely', 'completely', 'literally'],
  sms: [
    ['you', 'u'],
    ['are', 'r'],
    ['because', 'bc'],
    ['to be honest', 'tbh'],
    ["I don't know", 'idk'],
    ['really', 'rly'],
    ['please', 'pls'],
    ['people', 'ppl'],
    ['tonight', 'tonite'],
    ['thanks', 'thx'],
  ],
  tail: ['', '', '', ' lol', ' lmao', ' smh', ' tbh', ' honestly', ' ugh', ' fr'],
};

const ACCENTS = {
  à: 'a',
  â: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  ô: 'o',
  ù: 'u',
  û: 'u',
};

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}
function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function handleOf(brand) {
  return brand.replace(/^(la |le |l'|les |my |the |ma |mon )/i, '').replace(/[^A-Za-z0-9]/g, '') || 'support';
}

const PRICES = ['9,99 €', '19,99 €', '22,99 €', '39 €', '$20', '$49.99', '£15', '€5', '12 €', '$9'];

function fill(r, L, frame) {
  const b = pick(r, L.brands);
  let b2 = pick(r, L.brands);
  if (b2 === b) b2 = pick(r, L.brands);
  let t = pick(r, L.things);
  let t2 = pick(r, L.things);
  if (t2 === t) t2 = pick(r, L.things);
  return frame
    .replaceAll('{B}', cap(b))
    .replaceAll('{b}', b)
    .replaceAll('{b2}', b2)
    .replaceAll('{price}', pick(r, PRICES))
    .replaceAll('{T}', cap(t))
    .replaceAll('{t}', t)
    .replaceAll('{t2}', t2)
    .replaceAll('{h}', handleOf(b))
    .replaceAll('{neg}', pick(r, L.negPred))
    .replaceAll('{pos}', pick(r, L.posPred))
    .replaceAll('{neu}', pick(r, L.neuPred));
}

/** How people type: each noise applied with some probability. */
function noisy(r, L, text, label, lang) {
  let s = text;
  if (r() < 0.25) {
    // An intensifier before an adjective-ish word (after "est"/"is").
    const w = pick(r, L.intens);
    s = s.replace(lang === 'fr' ? / est (?!encore|toujours)/ : / is (?!still|again)/, (m) => `${m}${w} `);
  }
  if (lang === 'fr' && r() < 0.3) s = s.replace(/[àâçéèêëîïôùû]/g, (c) => ACCENTS[c] ?? c);
  if (r() < 0.2) {
    for (const [a, b] of L.sms) if (r() < 0.5) s = s.replaceAll(a, b);
  }
  if (r() < 0.15) s = s.toLowerCase();
  if (r() < 0.15) s = typo(r, s);
  if (r() < 0.1) s = typo(r, s);
  if (label === 'negative' && r() < 0.12) s = s.toUpperCase();
  if (r() < 0.1) s = stretch(r, s);
  s += pick(r, L.tail);
  if (label !== 'neutral' && r() < 0.3) s += '!'.repeat(1 + Math.floor(r() * 3));
  if (label === 'neutral' && r() < 0.2) s += '.';
  if (r() < 0.4) {
    const pool = label === 'negative' ? L.negEmoji : label === 'positive' ? L.posEmoji : L.neuEmoji;
    const e = pick(r, pool);
    s += ' ' + (r() < 0.3 ? e.repeat(2 + Math.floor(r() * 2)) : e);
  }
  if (r() < 0.2)
    s +=
      ' #' +
      pick(r, L.brands).replace(/[^A-Za-z0-9]/g, '') +
      pick(r, ['', 'Down', 'Fail', 'Panne', 'Love', 'Merci', 'Help']);
  if (r() < 0.1) s += ' https://t.co/' + Math.floor(r() * 1e8).toString(36);
  if (r() < 0.08) s = '@' + handleOf(pick(r, L.brands)) + ' ' + s;
  return s;
}

function typo(r, s) {
  const words = s.split(' ');
  const i = Math.floor(r() * words.length);
  const w = words[i];
  if (!w || w.length < 4) return s;
  const k = 1 + Math.floor(r() * (w.length - 2));
  const kind = r();
  let out;
  if (kind < 0.4) out = w.slice(0, k) + w.slice(k + 1);
  else if (kind < 0.8) out = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  else out = w.slice(0, k) + w[k] + w.slice(k);
  words[i] = out;
  return words.join(' ');
}

function stretch(r, s) {
  return s.replace(/\b(\w*?)([aeiouy])(\w*)\b/, (m, a, v, b) => (r() < 0.5 ? a + v.repeat(4) + b : m));
}

/** `count` labeled posts for `lang` ('fr' | 'en'). */
export function generate(lang, count, seed) {
  const L = lang === 'fr' ? FR : EN;
  const r = rng(seed);
  const out = [];
  while (out.length < count) {
    const x = r();
    let text;
    let label;
    if (x < 0.27) {
      text = fill(r, L, pick(r, L.negFrames));
      label = 'negative';
    } else if (x < 0.5) {
      text = fill(r, L, pick(r, L.posFrames));
      label = 'positive';
    } else if (x < 0.64) {
      text = fill(r, L, pick(r, L.neuFrames));
      label = 'neutral';
    } else if (x < 0.77) {
      text = fill(r, L, pick(r, L.questions));
      label = 'neutral';
    } else if (x < 0.85) {
      text = fill(r, L, pick(r, L.irony));
      label = 'negative';
    } else if (x < 0.95) {
      const [frame, l] = pick(r, L.negation);
      text = fill(r, L, frame);
      label = l;
    } else {
      const [frame, l] = pick(r, L.contrast);
      text = fill(r, L, frame);
      label = l;
    }
    out.push({ text: noisy(r, L, text, label, lang), label });
  }
  return out;
}
