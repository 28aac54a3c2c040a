// Platform-specific context: the brand's own accounts, Reddit threads, YouTube videos, the brand's
// Facebook page posts and store reviews. Hours are scenario hours (0 = start, 10 = outage onset).

// prettier-ignore
export const OFFICIAL = {
  x: { handle: 'Ondaline', name: 'Ondaline', followers: 486000 },
  xSav: { handle: 'Ondaline_SAV', name: 'Ondaline SAV', followers: 128000 },
  mastodon: { handle: 'ondaline@mastodon.social', name: 'Ondaline', followers: 9400 },
  bluesky: { handle: 'ondaline.bsky.social', name: 'Ondaline', followers: 37200 },
  facebook: { handle: 'ondaline.officiel', name: 'Ondaline', followers: 1250000 },
};

export const FB_PAGE_ID = '104857362918441';

/** The brand's Facebook page posts; comments attach to the latest one published. */
// prettier-ignore
export const FB_PAGE_POSTS = [
  { atH: -30, text: 'Le wifi qui va partout 📶 Découvrez le répéteur Onda Mesh, offert avec la Fibre Max 2G.' },
  { atH: 10.75, scripted: true },
  { atH: 15.25, scripted: true },
  { atH: 18, scripted: true },
  { atH: 31.6, scripted: true },
];

export const SUBREDDITS = {
  fr: ['france', 'vosfinances', 'ondaline', 'paris', 'lyon', 'Bretagne'],
  en: ['france', 'europe', 'HomeNetworking', 'paris', 'expats'],
};

/** Reddit submissions; comments attach to recent ones. atH is when the thread is opened. */
// prettier-ignore
export const REDDIT_THREADS = [
  { atH: -20, lang: 'fr', sub: 'ondaline', title: 'Retour d\'expérience Fibre Max 2G après 3 mois', body: 'Globalement satisfait, débit stable autour de 1,8 Gb/s en filaire. Le répéteur Mesh aide pas mal. Des questions ?' },
  { atH: 4, lang: 'fr', sub: 'vosfinances', title: 'Ondaline ou Nexatel pour un couple en télétravail ?', body: 'On paie 45 € chez Nexatel, Ondaline propose 29,99 € la première année. Des retours sur la fiabilité ?' },
  { atH: 10.3, lang: 'fr', sub: 'france', title: 'Panne Ondaline en cours ?', body: 'Plus d\'internet ni de TV depuis tout à l\'heure, box qui clignote rouge. C\'est chez tout le monde ?' },
  { atH: 10.6, lang: 'en', sub: 'france', title: 'Ondaline down nationwide?', body: 'No internet in Lyon, friends in Paris and Lille say the same. Anyone know what\'s happening?' },
  { atH: 10.9, lang: 'fr', sub: 'ondaline', title: '[Mégathread] Panne nationale Ondaline', body: 'Merci de poster ici plutôt que de créer un nouveau fil. Indiquez votre ville, le type d\'offre et l\'état de votre box.' },
  { atH: 13.2, lang: 'fr', sub: 'vosfinances', title: 'Panne Ondaline : quels recours pour se faire rembourser ?', body: 'Je suis indépendant, j\'ai perdu une journée de CA. Quelqu\'un sait ce que dit le contrat sur les coupures longues ?' },
  { atH: 14.8, lang: 'fr', sub: 'france', title: 'Le harcèlement contre la responsable SAV d\'Ondaline va trop loin', body: 'On peut être en colère contre l\'opérateur sans menacer une salariée. Certains publient son adresse, c\'est grave.' },
  { atH: 15.4, lang: 'en', sub: 'europe', title: 'French ISP Ondaline down for hours, company blames core network failure', body: 'Statement just came out. Still no ETA.' },
  { atH: 18.2, lang: 'fr', sub: 'ondaline', title: 'Ça revient ! Signalez ici si c\'est toujours coupé chez vous', body: 'Chez moi retour à 100 % sur la fibre, TV encore instable.' },
  { atH: 32.2, lang: 'fr', sub: 'vosfinances', title: 'Mois offert Ondaline : c\'est automatique ?', body: 'J\'ai reçu un mail mais rien sur la facture pour l\'instant. Vous avez fait une demande ?' },
  { atH: 27, lang: 'en', sub: 'HomeNetworking', title: 'Post-mortem thoughts on the Ondaline outage (France)', body: 'Single core router failure taking down millions of lines is not a great look for redundancy.' },
];

/** YouTube videos; comments go to videos already published, recent ones first. */
// prettier-ignore
export const YT_VIDEOS = [
  { atH: -48, id: 'k3Vq9XyTb2M', title: 'Ondabox 6 : le test complet (wifi 7, débit, TV)' },
  { atH: 10.8, id: 'Qp7LmZ2wR8s', title: 'PANNE ONDALINE : toute la France sans internet ?! (live)' },
  { atH: 13, id: 'fT4nB8kXv1E', title: 'Panne Ondaline : ce que l\'on sait (JT)' },
  { atH: 16, id: 'Zx2cV9bN4mQ', title: 'Ondaline s\'explique… vraiment ?' },
  { atH: 24, id: 'Lr6tY3uI8oP', title: 'Panne Ondaline : faut-il résilier ? Nos conseils' },
];

export const REVIEWS = {
  fr: {
    5: [
      'Appli {claire|pratique|fluide}, suivi conso {nickel|au top}. {Rien à redire|Parfait}.',
      '{Fibre installée rapidement|Installation rapide}, appli simple pour {tout gérer|gérer ma ligne}.',
      "Super appli, j'ai changé mon forfait en {2 minutes|deux clics}.",
      '{Très bon|Excellent} opérateur, {appli|service client|réseau} au top{ !|.}',
      "{Client depuis {years} ans|{years} ans chez eux}, {jamais déçu|toujours satisfait}. L'appli {s'améliore à chaque version|est top}.",
    ],
    4: [
      "Bonne appli, {manque le mode sombre|parfois un peu lente|un peu chargée} mais {l'essentiel est là|ça fait le job}.",
      'Pratique pour suivre {la facture|ma conso}. {Le chat SAV pourrait être plus rapide|Quelques bugs de connexion}.',
      "{Bien|Plutôt bien} dans l'ensemble, {le suivi de commande|le test de débit} {est pratique|marche bien}.",
    ],
    3: [
      "{Correct|Moyen} sans plus, {l'appli se déconnecte souvent|les notifications arrivent en retard}.",
      "Ça marche mais {le SAV est lent|les mises à jour cassent toujours un truc|l'appli rame}.",
      "{Réseau correct|Débit correct} mais {appli peu intuitive|facture incompréhensible dans l'appli}.",
    ],
    2: [
      '{Appli qui plante|Impossible de me connecter|Appli inutilisable} {depuis la mise à jour|régulièrement|une fois sur deux}.',
      'SAV {injoignable|lent}, appli {lente|buggée}.',
      "{Facture erronée|Double prélèvement} et {impossible de réclamer dans l'appli|le chat ne répond pas}.",
      "{Débit en baisse|Coupures fréquentes} le soir, {l'appli ne signale rien|aucune explication}.",
    ],
    1: [
      "Panne {totale|nationale} depuis {dur}, {impossible de joindre qui que ce soit|aucune info dans l'appli}. {Nul|Honteux|Une honte}.",
      'L\'appli affiche "aucun incident" alors que {tout le pays est coupé|ma box clignote depuis {dur}}. {Lamentable|Incroyable}.',
      "{Zéro étoile si je pouvais|0/5}. {Plus d'internet|Plus rien} et {l'appli plante|le chat ne répond pas}.",
      'Je résilie après {cette panne|ce fiasco}. {years} ans client pour rien.',
      '{Arnaque|Escroquerie}. Je paie pour un service qui ne marche pas et personne ne répond.',
      'Le bouton "signaler un incident" {ne fait rien|tourne dans le vide}. {Bravo|Super}.',
      "Panne depuis {dur} et aucun geste {annoncé|dans l'appli}. {Je pars chez {competitor}|Adieu}.",
    ],
    after: [
      "Service revenu après {pdur} de panne, mais {aucune info dans l'appli pendant tout ce temps|l'appli était inutilisable}. {Décevant|Inadmissible}.",
      "@31.5 Le mois offert {n'apparaît nulle part|est introuvable dans l'appli}. {Bravo|Super}.",
      '{Toujours des coupures|Encore des micro-coupures} depuis la grosse panne. {Je surveille|Je vais résilier}.',
      'Après {la panne|ce fiasco}, je résilie. {Appli lente|SAV saturé} en plus.',
      '{Pendant la panne|Pendant {pdur}}, l\'appli {affichait "aucun incident"|ne chargeait même plus}. {On repassera pour la transparence|Zéro confiance maintenant}.',
      '{Le réseau est revenu|Ça remarche} mais {le débit est toujours faible|la TV saute encore}. {Je note en conséquence|Pas terrible}.',
      "{Une étoile|1 étoile} pour {la panne|le silence pendant la panne}. {Le reste est correct|Sinon l'appli est bien}, mais là c'était {trop|inacceptable}.",
    ],
  },
  en: {
    5: [
      '{Great|Clean|Solid} app, easy to {track usage|pay bills}.',
      'Works perfectly, switched plans in {two taps|a minute}.',
      '{Reliable fibre|Great network} and the app {just works|is simple}.',
    ],
    4: [
      'Good app, {needs an English invoice option|a bit slow sometimes|could use a dark mode}.',
      '{Mostly|Generally} good, {English support would help|some screens are French only}.',
    ],
    3: [
      'Okay app but {logs me out constantly|support chat is slow|it is French only}.',
      '{Average|Fine}. {Bills are confusing|Notifications are late}.',
    ],
    2: [
      'App keeps crashing {since the update|on login|on Android}.',
      'Support {never replies|is unreachable}, app {is slow|crashes}.',
    ],
    1: [
      'Nationwide outage for {dur} and the app says "no incident". {Useless|Joke}.',
      '{Zero stars if I could|0/5}. No service and no answers.',
      'Cancelling after this {mess|outage}. Support {unreachable|nowhere to be found}.',
      'No internet for {dur}, the in-app chat {just spins|is dead}. {Pathetic|Unacceptable}.',
    ],
    after: [
      'Back after {pdur} offline, {zero info in the app the whole time|the app was useless throughout}.',
      '@31.5 Where is the free month? {Nothing in the app|Not on my bill}.',
      'Service is back but {speeds are still poor|I still get drops}. {Meh|Not impressed}.',
    ],
  },
};
