// Shared vocabulary for the demo scenario: names, places, products, emoji, hashtags.
// Everything here is fictional: Ondaline, its products, competitors, outlets and people do not exist.
// Template syntax (see expand() in generate-demo.mjs): {slot} picks from a list below or from the
// per-mention context, {a|b|c} picks one inline alternative (an empty alternative is allowed).

// prettier-ignore
export const FR_FIRST = [
  'Lucas', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Emma', 'Nathan', 'Manon', 'Théo', 'Camille', 'Enzo', 'Inès',
  'Mathis', 'Sarah', 'Maxime', 'Thomas', 'Laura', 'Nicolas', 'Pauline', 'Antoine', 'Marion', 'Kevin',
  'Jessica', 'Mehdi', 'Yasmine', 'Karim', 'Sofiane', 'Amina', 'Fatou', 'Moussa', 'Aurélien', 'Sandrine',
  'Nathalie', 'Christophe', 'Stéphane', 'Isabelle', 'Valérie', 'Patrick', 'Philippe', 'Sylvie', 'Martine',
  'Bernard', 'Jean-Luc', 'Anaïs', 'Clara', 'Jules', 'Adam', 'Rayan', 'Lina', 'Noémie', 'Quentin', 'Romain',
  'Julien', 'Benjamin', 'Océane', 'Mélanie', 'Audrey', 'Cédric', 'Fabien', 'Gaëlle', 'Morgane', 'Yann',
  'Erwan', 'Loïc', 'Gwen', 'Baptiste', 'Alexis', 'Florian', 'Jordan', 'Dylan', 'Anthony', 'Virginie',
  'Élodie', 'Émilie', 'Hélène', 'Alain', 'Michel', 'Dominique', 'Pascal', 'Samia', 'Nadia', 'Bilal', 'Yanis',
];

// prettier-ignore
export const FR_LAST = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand',
  'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Perrin', 'Morin',
  'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Benali',
  'Haddad', 'Diallo', 'Traoré', 'Nguyen', 'Le Gall', 'Kerbrat', 'Ferreira', 'Da Silva', 'Rossi', 'Caron',
];

// prettier-ignore
export const FR_NICKS = [
  'Le Geek du 69', 'Tonton Fibre', 'Maman Solo', 'Pépito', 'Captain Croissant', 'La Daronne', 'Mister Wifi',
  'Raclette Lover', 'JeanMi du Nord', 'Bibi', 'Gaming Nono', 'Doc Patate', 'Le Râleur Pro', 'Mamie Geek',
  'Titi Parisien', 'Le Breton Énervé', 'Kiki', 'Zouzou', 'Loulou 🌻', 'Rémi Sans Wifi', 'Chat Noir',
  'Fromage Qui Pue', 'Le Sudiste', 'Petit Scarabée', 'Cactus Grognon', 'Pâte à Crêpes', 'Banane Joyeuse',
];

// prettier-ignore
export const EN_FIRST = [
  'James', 'Emily', 'Oliver', 'Sophie', 'Jack', 'Chloe', 'Harry', 'Grace', 'Daniel', 'Hannah', 'Ryan',
  'Megan', 'Tom', 'Lucy', 'Sam', 'Rachel', 'Ben', 'Kate', 'Michael', 'Jessica', 'Liam', 'Ava', 'Noah',
  'Mia', 'Ethan', 'Zoe', 'Alex', 'Chris', 'Jordan', 'Taylor', 'Priya', 'Raj', 'Ana', 'Marco', 'Lars',
  'Ingrid', 'Pieter', 'Kasia', 'Tomasz', 'Eoin', 'Siobhan', 'Hiroshi', 'Wei', 'Mateo', 'Olivia', 'Kenji',
];

// prettier-ignore
export const EN_LAST = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Walker',
  'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Patel',
  'Murphy', "O'Brien", 'Kowalski', 'Jansen', 'Novak', 'Rossi', 'Schmidt', 'Andersson', 'Kim', 'Chen', 'Silva',
];

// prettier-ignore
export const EN_NICKS = [
  'not a bot', 'coffee addict', 'Expat in Paris 🇬🇧🇫🇷', 'Dev on a boat', 'Cheese Enjoyer', 'BigNetworkEnergy',
  'tired sysadmin', 'Lyon-based nerd', 'Baguette Brit', 'packet loss', 'Remote & Roaming', 'the wifi guy',
];

// prettier-ignore
export const MASTODON_INSTANCES_FR = [
  'mastodon.social', 'piaille.fr', 'mamot.fr', 'framapiaf.org', 'mastodon.online', 'eldritch.cafe',
  'toot.aquilenet.fr', 'pouet.chapril.org', 'social.tchncs.de',
];
// prettier-ignore
export const MASTODON_INSTANCES_EN = [
  'mastodon.social', 'fosstodon.org', 'hachyderm.io', 'mastodon.online', 'infosec.exchange', 'mas.to',
];

// prettier-ignore
export const COMMON = {
  city: [
    'Paris', 'Paris 11e', 'Paris 18e', 'Lyon', 'Lyon 7e', 'Villeurbanne', 'Marseille', 'Toulouse', 'Lille',
    'Roubaix', 'Nantes', 'Bordeaux', 'Rennes', 'Strasbourg', 'Montpellier', 'Nice', 'Grenoble', 'Montreuil',
    'Saint-Denis', 'Brest', 'Clermont-Ferrand', 'Dijon', 'Tours', 'Angers', 'Le Mans', 'Reims', 'Metz',
    'Nancy', 'Perpignan', 'Pau', 'Bayonne', 'Limoges', 'Poitiers', 'Caen', 'Rouen', 'Amiens', 'Besançon',
    'Annecy', 'Chambéry', 'Avignon', 'Toulon', 'Ajaccio', 'Orléans', 'Nîmes', 'La Rochelle', 'Quimper',
    'Vannes', 'Saint-Étienne', 'Mulhouse', 'Troyes', 'Argenteuil', 'Créteil', 'Versailles', 'Aix',
  ],
  competitor: ['Nexatel', 'Fibrea', 'Bleumobile', 'Orizon Télécom', 'Kalinet'],
  plan: ['Fibre Max 2G', 'Fibre Essentiel', 'Onda Mobile 100 Go', 'Onda 5G 200 Go', 'Duo Fibre + Mobile', 'Onda Pro'],
  box: ["l'Ondabox", 'la box', "l'Ondabox 5", 'la box fibre', 'ma box'],
  price: ['29,99', '34,99', '39,99', '44,99', '49,99', '54,99'],
  priceSmall: ['5', '8', '10', '12', '15'],
  speed: ['850 Mb/s', '920 Mb/s', '940 Mb/s', '1,8 Gb/s', '2,1 Gb/s', '1,2 Gb/s'],
  up: ['600 Mb/s', '700 Mb/s', '450 Mb/s', '900 Mb/s'],
  n2_12: ['2', '3', '4', '6', '8', '10', '12'],
  n: ['2', '3', '4', '5', '6', '7', '8', '10', '12', '15'],
  years: ['3', '5', '7', '8', '10', '12', '15'],
  region: ['Île-de-France', 'Auvergne-Rhône-Alpes', 'Occitanie', 'Hauts-de-France', 'Bretagne', 'Grand Est', 'PACA'],
  memeLink: ['https://img.example/m/{hex}.jpg', 'https://img.example/m/{hex}.gif', 'https://memes.example/v/{hex}'],
  statusLink: ['https://www.ondaline.example/statut', 'https://www.ondaline.example/assistance/incident'],
  hex: ['a1f3', 'b7c2', 'c9d0', 'd4e8', 'e2a7', 'f0b1', '9c3e', '8d5a', '7e6f', '6a2b', '5f9c', '4b1d'],
  clients: ['des milliers', 'des centaines de milliers', 'plus de 2 millions', 'près de 3 millions'],
};

// prettier-ignore
export const FR_COMMON = {
  family: ['ma mère', 'ma grand-mère', 'mon père', 'mon grand-père', 'ma voisine', 'mon oncle'],
  kids: ['les enfants', 'mon mari', 'ma femme', 'ma coloc', 'mon ado', 'les gosses'],
  insult: [
    'bouffons', 'b0uffons', 'guignols', 'incompétents', 'escrocs', 'clowns', 'tocards', 'nuuuuls',
    'branquignols', 'charlots', 'connards', 'manches', 'rigolos', 'voleurs', 'b0ufons', 'nullos',
  ],
  insultOne: ['bouffonne', 'menteuse', 'incompétente', 'clown', 'guignole', 'nulle', 'b0uffonne', 'hypocrite'],
  quote: [
    'nos équipes sont pleinement mobilisées',
    'un incident technique d’ampleur exceptionnelle',
    'nous comprenons la frustration de nos clients',
    'le retour à la normale est une question d’heures',
  ],
  angryOpen: ['Sérieusement', 'Bon', 'Franchement', 'Non mais', 'Alors', 'Putain', 'Purée', 'Bref'],
};

// prettier-ignore
export const EN_COMMON = {
  family: ['my mum', 'my grandma', 'my dad', 'my elderly neighbour', 'my mother-in-law'],
  kids: ['the kids', 'my flatmate', 'my partner', 'my teenager'],
  insult: ['clowns', 'idiots', '1d10ts', 'muppets', 'amateurs', 'crooks', 'losers', 'absolute jokers', 'morons'],
  insultOne: ['liar', 'clown', '1d10t', 'joke', 'disgrace', 'fraud'],
  quote: [
    'our teams are fully mobilised',
    'an exceptional technical incident',
    'we understand our customers’ frustration',
    'a return to normal is a matter of hours',
  ],
  angryOpen: ['Seriously', 'Honestly', 'Wow', 'Right', 'Unbelievable', 'Ffs', 'Come on'],
};

// prettier-ignore
export const EMOJI = {
  pos: ['👍', '😊', '🙏', '👌', '🚀', '✨', '😍', '💪', '🙌'],
  neutral: ['🤔', '📶', '📱', '👀', '🙂'],
  anger: ['😡', '🤬', '😤', '🙄', '💢', '😠'],
  sad: ['😭', '😩', '😢', '🥲', '😞'],
  laugh: ['😂', '🤣', '🙃', '🫠', '💀', '🤡', '👏'],
};

// prettier-ignore
export const HASHTAGS = {
  baseline: ['#Ondaline', '#fibre', '#5G', '#BonPlan', '#box'],
  outage: [
    '#PanneOndaline', '#PanneOndaline', '#PanneOndaline', '#Ondaline', '#OndalineDown', '#panne',
    '#BoycottOndaline', '#OndalineRembourse', '#télétravail', '#fibre',
  ],
  outageEn: ['#PanneOndaline', '#PanneOndaline', '#Ondaline', '#OndalineDown', '#outage', '#France'],
  recovery: ['#PanneOndaline', '#Ondaline', '#OndalineRembourse', '#geste', '#résiliation'],
  recoveryEn: ['#PanneOndaline', '#Ondaline', '#OndalineRefund'],
};

/** French shorthand, applied at random to casual posts. */
export const FR_ABBREV = [
  [/\bpourquoi\b/g, 'pk'],
  [/\bbeaucoup\b/g, 'bcp'],
  [/\btoujours\b/g, 'tjrs'],
  [/\bvraiment\b/g, 'vrmt'],
  [/\bquelqu'un\b/g, 'qqn'],
  [/\bs'il vous plaît\b/g, 'svp'],
  [/\bil y a\b/g, 'ya'],
  [/\bj'ai\b/g, 'jai'],
  [/\bc'est\b/g, 'cest'],
  [/\bmaintenant\b/g, 'mtn'],
  [/\bparce que\b/g, 'pcq'],
  [/\bquand\b/g, 'qd'],
  [/\bje suis\b/g, 'chui'],
  [/\bça\b/g, 'sa'],
  [/\bavec\b/g, 'avc'],
  [/\bd'accord\b/g, 'ok'],
  [/\bmdr\b/g, 'mdrrr'],
  [/\bn'est\b/g, 'est'],
  [/\bne\s/g, ''],
];

export const EN_ABBREV = [
  [/\byou\b/g, 'u'],
  [/\byour\b/g, 'ur'],
  [/\bbecause\b/g, 'cos'],
  [/\bpeople\b/g, 'ppl'],
  [/\bplease\b/g, 'pls'],
  [/\bI'm\b/g, 'im'],
  [/\bdon't\b/g, 'dont'],
  [/\bcan't\b/g, 'cant'],
  [/\bto be honest\b/g, 'tbh'],
  [/\bright now\b/g, 'rn'],
];
