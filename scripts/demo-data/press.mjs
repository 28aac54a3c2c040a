// News coverage (rss), journalists and influencers. All outlets and people are fictional; domains use
// the reserved .example TLD so that nothing in the demo can point at a real site.

// prettier-ignore
export const OUTLETS = [
  { name: 'Le Parisien Numérique (fictif)', domain: 'leparisien-numerique.example', lang: 'fr', audience: 740000, section: 'high-tech' },
  { name: 'Actu Exemple', domain: 'actu-exemple.example', lang: 'fr', audience: 310000, section: 'economie' },
  { name: 'TechHebdo (fictif)', domain: 'techhebdo.example', lang: 'fr', audience: 185000, section: 'telecoms' },
  { name: 'Le Journal des Télécoms (fictif)', domain: 'journal-telecoms.example', lang: 'fr', audience: 52000, section: 'operateurs' },
  { name: 'Info Continu (fictif)', domain: 'infocontinu.example', lang: 'fr', audience: 620000, section: 'france' },
  { name: 'Ouest Régions Info (fictif)', domain: 'ouest-regions.example', lang: 'fr', audience: 240000, section: 'bretagne' },
  { name: 'Conso Mag (fictif)', domain: 'consomag.example', lang: 'fr', audience: 98000, section: 'droits' },
  { name: 'Le Quotidien de l’Éco (fictif)', domain: 'quotidien-eco.example', lang: 'fr', audience: 275000, section: 'entreprises' },
  { name: 'Lyon Actu (fictif)', domain: 'lyon-actu.example', lang: 'fr', audience: 87000, section: 'lyon' },
  { name: 'EuroTech Report (fictional)', domain: 'eurotech-report.example', lang: 'en', audience: 410000, section: 'telecom' },
  { name: 'The Connexion Times (fictional)', domain: 'connexion-times.example', lang: 'en', audience: 120000, section: 'france' },
  { name: 'Telecom Wire (fictional)', domain: 'telecomwire.example', lang: 'en', audience: 66000, section: 'europe' },
];

/** Story beats: an article is drawn from the beats whose window [fromH, toH) contains its hour. */
export const BEATS = {
  fr: [
    {
      fromH: -99,
      toH: 10,
      weight: 1,
      titles: [
        "{O} dévoile {l'Ondabox 6|une box wifi 7|un nouveau décodeur}",
        '{O} accélère le déploiement de la fibre en {region}',
        'Débit mobile : {O} {sur le podium|troisième|en progrès} du classement {trimestriel|annuel}',
        '{O} {augmente|revoit} ses tarifs {fibre|mobile} {au 1er du mois|cet hiver}',
      ],
      summaries: [
        "L'opérateur {revendique|annonce} {plus de 6 millions|près de 7 millions} d'abonnés et {mise sur le wifi 7|vise la couverture totale d'ici deux ans}.",
        'Une annonce {attendue|discrète} {dans un marché très concurrentiel|face à {competitor}}.',
      ],
    },
    {
      fromH: 10,
      toH: 13,
      weight: 3,
      titles: [
        "Panne {géante|massive|nationale} chez {O} : {clients} d'abonnés privés d'internet",
        "{O} en panne : {ce que l'on sait|les premières informations}",
        'Internet, TV, téléphone : {les clients|les abonnés} {O} dans le noir {dans toute la France|en {region}}',
        'Panne {O} : {le réseau mobile aussi touché|la 4G et la 5G aussi perturbées}',
      ],
      summaries: [
        'Depuis {dur}, {clients} d\'abonnés signalent une coupure totale de leur connexion. {O} évoque "un incident technique" sans avancer de délai.',
        "Les signalements se multiplient {à {city}, {city} et {city}|partout en France}. Le service client de l'opérateur est saturé.",
        'L\'opérateur indique que "ses équipes sont mobilisées". {Aucune cause n\'a été communiquée|La cause reste inconnue} à ce stade.',
      ],
    },
    {
      fromH: 12.6,
      toH: 15.5,
      weight: 2,
      titles: [
        'Panne {O} : "{quote}", assure Julie Marchand, responsable du service client',
        "Panne {O} : la responsable du service client s'exprime",
        '"{quote}" : {O} tente de rassurer ses clients',
      ],
      summaries: [
        'Interrogée {par nos soins|par notre rédaction}, Julie Marchand, responsable du service client d\'{O}, affirme que "{quote}". {Aucun délai|Aucune date de retour} n\'est avancé.',
        'Julie Marchand {reconnaît|admet} "{des délais d\'attente inhabituels|une situation difficile}" et promet {un point régulier|des informations rapidement}.',
      ],
    },
    {
      fromH: 12,
      toH: 20,
      weight: 3,
      titles: [
        'Panne {O} : {la colère monte|la grogne enfle} sur les réseaux sociaux',
        'Panne {O} : {les commerçants|les télétravailleurs|les soignants} {en première ligne|désemparés}',
        '#PanneOndaline : {les détournements|les meilleurs memes} {qui inondent les réseaux|de la journée}',
        'Panne {O} : {des appels à la class action|des appels au boycott} {se multiplient|fleurissent}',
        'Panne {O} : {le gouvernement|Bercy|le ministère du Numérique} demande des {comptes|explications}',
        'Panne {O} : {peut-on|comment} {obtenir un remboursement|se faire dédommager} ?',
        'Panne {O} : {combien de temps encore|quand le service sera-t-il rétabli} ?',
      ],
      summaries: [
        '{Plus de {dur}|Après {dur}} de coupure, {les clients|les abonnés} {expriment leur exaspération|multiplient les messages de colère}, {entre boycott et action de groupe|entre humour et ras-le-bol}.',
        "@13.6 Un message appelant au remboursement intégral est copié-collé par des milliers d'internautes.",
        "Selon {les associations de consommateurs|un avocat spécialisé}, {les abonnés peuvent réclamer|l'opérateur devra verser} un dédommagement au prorata {des jours sans service|de la coupure}.",
        "L'opérateur {reste discret|communique au compte-gouttes} {sur l'origine de la panne|sur les délais}, {nourrissant la colère|alimentant les rumeurs}.",
      ],
    },
    {
      fromH: 15.2,
      toH: 18,
      weight: 3,
      titles: [
        "Panne {O} : l'opérateur {publie un communiqué|présente ses excuses}",
        "Panne {O} : {un équipement cœur de réseau en cause|l'origine de la panne identifiée}",
        "Panne {O} : l'opérateur promet un geste commercial",
      ],
      summaries: [
        'Dans un communiqué, {O} {attribue la panne à|évoque} "un incident sur un équipement cœur de réseau" et {présente ses excuses|promet un geste commercial} à {ses clients|tous les abonnés concernés}.',
        'L\'opérateur {n\'avance toujours pas de délai|évoque un retour "progressif"}, {tandis que|alors que} la colère continue de monter.',
      ],
    },
    {
      fromH: 16.5,
      toH: 24,
      weight: 2,
      titles: [
        'Panne {O} : la responsable du service client {ciblée par une vague de harcèlement|victime de menaces en ligne}',
        'Harcèlement : {O} dénonce {les menaces|les attaques} visant {une salariée|sa responsable du service client}',
      ],
      summaries: [
        "{Citée dans la presse|Après ses déclarations}, Julie Marchand fait l'objet {d'insultes et de menaces|d'un déferlement de messages haineux}, {certains publiant des informations personnelles|jusqu'à la diffusion de prétendues informations personnelles}. {O} annonce porter plainte.",
      ],
    },
    {
      fromH: 18,
      toH: 22,
      weight: 3,
      titles: [
        'Panne {O} : le service {rétabli|revient} progressivement',
        "Fin de la panne {O} : {le point|le bilan} {après {pdur} de coupure|d'une journée noire}",
      ],
      summaries: [
        '{O} annonce le retour progressif du service après {pdur} de coupure. {Certains abonnés signalent encore des perturbations|La TV reste perturbée par endroits}.',
        "Le retour à la normale {devrait prendre|pourrait prendre} {quelques heures|la soirée} {selon l'opérateur|d'après {O}}.",
      ],
    },
    {
      fromH: 31.5,
      toH: 99,
      weight: 4,
      titles: [
        'Panne {O} : un mois offert {à tous les clients touchés|en guise de dédommagement}',
        "Geste commercial : {O} offre un mois d'abonnement",
      ],
      summaries: [
        "{L'opérateur|{O}} {annonce|confirme} un mois d'abonnement offert {aux clients concernés|à tous les abonnés touchés}, {jugé insuffisant par certains|salué par les associations}.",
      ],
    },
    {
      fromH: 20,
      toH: 99,
      weight: 2,
      titles: [
        'Après la panne, {O} face à {une vague de résiliations|la colère de ses clients}',
        "Panne {O} : {les leçons d'une crise|retour sur une journée noire}",
        'Panne {O} : {comment réclamer|comment obtenir} le geste commercial',
        "Panne {O} : {l'opérateur|la direction} promet {un rapport|des explications détaillées}",
      ],
      summaries: [
        "Les concurrents {comme {competitor}|de l'opérateur} {multiplient les offres|profitent de la situation}, tandis que {O} tente de {rassurer|retenir ses clients}.",
        '{Retour|Analyse} sur {pdur} de panne {et une communication très critiquée|et une gestion de crise chaotique}.',
      ],
    },
  ],
  en: [
    {
      fromH: -99,
      toH: 10.3,
      weight: 1,
      titles: [
        'French operator {O} {unveils|launches} {wifi 7 box|new fibre plans}',
        '{O} {expands|speeds up} fibre rollout in {region}',
      ],
      summaries: ['The {French|Paris-based} operator claims {over 6 million|nearly 7 million} subscribers.'],
    },
    {
      fromH: 10.3,
      toH: 15,
      weight: 3,
      titles: [
        '{Nationwide|Massive} outage hits French operator {O}',
        '{O} outage leaves {clients} of French users offline',
        'France: {O} {internet and mobile|fibre and TV} services down',
      ],
      summaries: [
        'Customers across France report {total loss of service|no internet, TV or landline} for {dur}. {O} cites "a technical incident".',
        'The operator says "{quote}" but gave no timeline.',
      ],
    },
    {
      fromH: 13,
      toH: 20,
      weight: 2,
      titles: [
        '{O} outage: {anger grows|backlash mounts} {online|on social media}',
        '{O} {faces|under fire over} calls for refunds and class action',
      ],
      summaries: [
        '{A copy-paste refund demand|Calls for a boycott} {spread rapidly|went viral} as the outage passed {dur}.',
      ],
    },
    {
      fromH: 15.3,
      toH: 19,
      weight: 2,
      titles: [
        '{O} blames core network failure, apologises',
        '{O} apologises for {nationwide|massive} outage, promises compensation',
      ],
      summaries: [
        'The operator {apologised|issued an apology} and promised compensation, {but gave no timeline|with no ETA yet}.',
      ],
    },
    {
      fromH: 16.6,
      toH: 23,
      weight: 2,
      titles: [
        '{O} customer service head {targeted by online abuse|faces threats} after outage',
        '{Harassment|Threats} against {O} staff {overshadow|add to} outage {fallout|anger}',
        'French telecom {condemns|denounces} abuse of {its|a} customer service {chief|executive}',
      ],
      summaries: [
        'Julie Marchand, {quoted in the press earlier|who spoke to reporters}, has been {targeted by insults and threats|the subject of a harassment campaign} online. {O} says it will press charges.',
        '{Posts sharing what appears to be her address|Alleged personal details} {circulated|were shared} on {X and Facebook|several platforms}; the company {condemned the abuse|called the attacks unacceptable}.',
        'The online anger has {turned personal|shifted to individual staff}, {with threats aimed at|singling out} the executive {quoted earlier in the day|who spoke to the press}.',
      ],
    },
    {
      fromH: 18,
      toH: 23,
      weight: 2,
      titles: ['{O} restores service after {pdur} outage', "France's {O} back online after {pdur}"],
      summaries: ['Service is returning gradually, {the company said|according to {O}}.'],
    },
    {
      fromH: 31.5,
      toH: 99,
      weight: 3,
      titles: ['{O} offers one free month after {nationwide|major} outage'],
      summaries: ['{Consumer groups|Analysts} {call it|say it is} {the bare minimum|a reasonable gesture}.'],
    },
    {
      fromH: 20,
      toH: 99,
      weight: 2,
      titles: [
        'What the {O} outage {means|tells us} about {network resilience|crisis communication}',
        '{O} {loses customers|faces churn} after {pdur} outage',
      ],
      summaries: [
        '{Analysts|Rivals} {say|expect} {a wave of cancellations|lasting damage to the brand}.',
        'The operator has promised {a full report|detailed explanations}.',
      ],
    },
  ],
};

// prettier-ignore
export const JOURNALISTS = [
  { platform: 'x', lang: 'fr', handle: 'claire_reseaux', name: 'Claire Dubreuil — journaliste tech', followers: 84200, outlet: 'techhebdo.example' },
  { platform: 'x', lang: 'fr', handle: 'InfoContinuFR', name: 'Info Continu (fictif)', followers: 781000, outlet: 'infocontinu.example' },
  { platform: 'x', lang: 'fr', handle: 'mvidal_eco', name: 'Marion Vidal', followers: 57300, outlet: 'quotidien-eco.example' },
  { platform: 'x', lang: 'en', handle: 'nina_hart_tech', name: 'Nina Hart', followers: 65400, outlet: 'eurotech-report.example' },
  { platform: 'mastodon', lang: 'fr', handle: 'thomasleroux@mamot.fr', name: 'Thomas Leroux (journaliste)', followers: 51800, outlet: 'journal-telecoms.example' },
  { platform: 'bluesky', lang: 'fr', handle: 'marion-vidal.bsky.social', name: 'Marion Vidal', followers: 58900, outlet: 'quotidien-eco.example' },
  { platform: 'bluesky', lang: 'en', handle: 'connexiontimes.bsky.social', name: 'The Connexion Times (fictional)', followers: 112000, outlet: 'connexion-times.example' },
];

/** Big accounts that sometimes post anger, sarcasm or memes (picked with a small probability). */
// prettier-ignore
export const INFLUENCERS = [
  { platform: 'x', lang: 'fr', handle: 'TechOlivierFR', name: 'Olivier | Tech & Geek 🎮', followers: 312000 },
  { platform: 'x', lang: 'fr', handle: 'le_geek_masque', name: 'Le Geek Masqué', followers: 148000 },
  { platform: 'x', lang: 'fr', handle: 'UsagersEnColere', name: 'Usagers en colère ✊', followers: 23400 },
  { platform: 'x', lang: 'en', handle: 'parisexpatlife', name: 'Paris Expat Life 🇫🇷', followers: 96000 },
  { platform: 'bluesky', lang: 'fr', handle: 'lucie-memes.bsky.social', name: 'Lucie fait des memes', followers: 71000 },
  { platform: 'youtube', lang: 'fr', handle: 'TechFactoryFR', name: 'TechFactory FR', followers: 640000 },
  { platform: 'mastodon', lang: 'fr', handle: 'reseaux_libres@framapiaf.org', name: 'Réseaux Libres', followers: 18900 },
];

// prettier-ignore
export const DEAL_ACCOUNTS = [
  { platform: 'x', handle: 'BonsPlansForfait', name: 'Bons Plans Forfaits 📱', followers: 41200 },
  { platform: 'facebook', handle: 'bonsplans.telecom', name: 'Bons Plans Télécom', followers: 88000 },
  { platform: 'bluesky', handle: 'dealsmalins.bsky.social', name: 'Deals Malins', followers: 6100 },
  { platform: 'mastodon', handle: 'bonsplans@piaille.fr', name: 'Bons plans', followers: 3200 },
];
