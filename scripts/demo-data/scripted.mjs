// Posts placed at fixed moments of the story: the brand's own communication, the start of the
// copy-paste campaign, the threats and doxxing aimed at Julie Marchand, and the attacker payloads that
// the app must render inert. `at` is in scenario hours. Engagement is computed like any other post
// unless `boost` multiplies it.

const STATUS = 'https://www.ondaline.example/statut';

export const CAMPAIGN_ORIGIN_H = 13.5;

// prettier-ignore
export const SCRIPTED = [
  // ── The brand speaks ────────────────────────────────────────────────────────────────────────────
  { at: 10.63, platform: 'x', lang: 'fr', author: 'official:xSav', category: 'official', boost: 4, text: `Certains de nos clients rencontrent actuellement des difficultés d'accès à internet, à la TV et au téléphone fixe. Nos équipes techniques sont mobilisées pour rétablir le service au plus vite. Suivi : ${STATUS}` },
  { at: 10.75, platform: 'facebook', lang: 'fr', author: 'official:facebook', category: 'official', boost: 3, fbPagePost: true, text: `⚠️ Incident en cours : une partie de nos clients fibre et mobile rencontre des difficultés de connexion. Nos équipes sont mobilisées. Nous vous tiendrons informés ici et sur ${STATUS}` },
  { at: 10.8, platform: 'mastodon', lang: 'fr', author: 'official:mastodon', category: 'official', text: `Incident en cours sur notre réseau fixe et mobile. Nos équipes sont mobilisées, suivi sur ${STATUS}` },
  { at: 10.82, platform: 'bluesky', lang: 'fr', author: 'official:bluesky', category: 'official', text: `Incident en cours : une partie de nos clients n'a plus accès à internet. Nos équipes sont mobilisées. Suivi : ${STATUS}` },
  { at: 12.5, platform: 'x', lang: 'fr', author: 'official:x', category: 'official', boost: 5, text: `Point de situation : l'incident touche une part importante de nos clients fibre et mobile sur tout le territoire. Inutile de redémarrer votre box. Prochain point dans 2 heures. ${STATUS}` },
  { at: 14.5, platform: 'x', lang: 'fr', author: 'official:x', category: 'official', boost: 5, text: `Point de situation : nos équipes ont identifié l'équipement à l'origine de l'incident et travaillent à son remplacement. Nous comprenons votre exaspération et nous en excusons.` },
  { at: 15.25, platform: 'x', lang: 'fr', author: 'official:x', category: 'official', boost: 8, text: `COMMUNIQUÉ — Un incident sur un équipement cœur de réseau perturbe depuis plusieurs heures nos services fibre, TV et mobile. Nous présentons nos sincères excuses. Un geste commercial sera proposé aux clients concernés. ${STATUS}` },
  { at: 15.25, platform: 'facebook', lang: 'fr', author: 'official:facebook', category: 'official', boost: 6, fbPagePost: true, text: `COMMUNIQUÉ — Un incident sur un équipement cœur de réseau perturbe depuis plusieurs heures les services fibre, TV et mobile d'une partie de nos clients. Nos équipes travaillent sans relâche au rétablissement du service. Nous présentons nos sincères excuses : un geste commercial sera proposé à tous les clients concernés.` },
  { at: 15.27, platform: 'mastodon', lang: 'fr', author: 'official:mastodon', category: 'official', text: `Communiqué : un incident sur un équipement cœur de réseau est à l'origine de la panne. Nous présentons nos excuses ; un geste commercial sera proposé aux clients concernés. ${STATUS}` },
  { at: 15.28, platform: 'bluesky', lang: 'fr', author: 'official:bluesky', category: 'official', text: `Communiqué : la panne est due à un incident sur un équipement cœur de réseau. Toutes nos excuses. Un geste commercial sera proposé aux clients concernés.` },
  { at: 15.3, platform: 'x', lang: 'en', author: 'official:x', category: 'official', boost: 3, text: `STATEMENT — A failure on core network equipment has disrupted fibre, TV and mobile services for part of our customers. We sincerely apologise. All affected customers will be offered compensation. ${STATUS}` },
  { at: 16.9, platform: 'x', lang: 'fr', author: 'official:x', category: 'official', boost: 4, text: `Nous condamnons fermement les insultes et menaces visant nos collaborateurs, et en particulier notre responsable du service client. Nous portons plainte. La colère est légitime, le harcèlement ne l'est pas.` },
  { at: 18, platform: 'x', lang: 'fr', author: 'official:x', category: 'official', boost: 7, text: `✅ Le service est en cours de rétablissement progressif pour l'ensemble de nos clients. Si votre box ne se reconnecte pas d'ici une heure, redémarrez-la. Merci pour votre patience. ${STATUS}` },
  { at: 18, platform: 'facebook', lang: 'fr', author: 'official:facebook', category: 'official', boost: 5, fbPagePost: true, text: `✅ Le service est en cours de rétablissement progressif. Si votre box ne se reconnecte pas d'ici une heure, redémarrez-la. Merci pour votre patience, et encore toutes nos excuses.` },
  { at: 18.03, platform: 'mastodon', lang: 'fr', author: 'official:mastodon', category: 'official', text: `Le service est en cours de rétablissement progressif. Merci pour votre patience.` },
  { at: 18.05, platform: 'bluesky', lang: 'fr', author: 'official:bluesky', category: 'official', text: `Le service revient progressivement. Si votre box ne se reconnecte pas d'ici une heure, redémarrez-la. Merci pour votre patience.` },
  { at: 31.5, platform: 'x', lang: 'fr', author: 'official:x', category: 'official', boost: 5, text: `Suite à la panne, un mois d'abonnement sera offert à tous les clients concernés, automatiquement, sur la prochaine facture. Encore toutes nos excuses. https://www.ondaline.example/geste` },
  { at: 31.6, platform: 'facebook', lang: 'fr', author: 'official:facebook', category: 'official', boost: 4, fbPagePost: true, text: `Suite à la panne, un mois d'abonnement sera offert automatiquement à tous les clients concernés, sur la prochaine facture. Aucune démarche n'est nécessaire.` },

  // ── Campaign origin ─────────────────────────────────────────────────────────────────────────────
  { at: CAMPAIGN_ORIGIN_H, platform: 'x', lang: 'fr', author: 'influencer:UsagersEnColere', category: 'campaign', boost: 12, text: "Je demande à @Ondaline le remboursement intégral de mon abonnement pour cette panne. Des heures sans internet = 0€ facturé. Copiez-collez et partagez ! #PanneOndaline #OndalineRembourse" },

  // ── Threats and doxxing aimed at the employee quoted in the press ──────────────────────────────
  { at: 13.83, platform: 'x', lang: 'fr', author: 'troll', category: 'threat', text: '@julie_marchand on sait où tu bosses. Tour Horizon, 8e étage. À très vite 🙂' },
  { at: 14.33, platform: 'x', lang: 'fr', author: 'troll', category: 'dox', text: 'Pour ceux qui veulent dire bonjour à @julie_marchand : elle habite rue des Glycines à Vincennes, l\'immeuble en face de la boulangerie 😉 #PanneOndaline' },
  { at: 15.42, platform: 'x', lang: 'en', author: 'troll', category: 'threat', text: "@julie_marchand you'll pay for this. we know who you are" },
  { at: 16.08, platform: 'facebook', lang: 'fr', author: 'troll', category: 'dox', text: 'Le 06 de Julie Marchand (responsable SAV Ondaline) : 06 12 34 56 78. Appelez-la, puisque le service client répond jamais !!' },
  { at: 16.67, platform: 'mastodon', lang: 'fr', author: 'troll', category: 'threat', text: "@juliemarchand@mastodon.social fais gaffe en sortant du boulot ce soir. On sait où tu bosses." },
  { at: 17.5, platform: 'bluesky', lang: 'en', author: 'troll', category: 'threat', text: '@julie-marchand.bsky.social you will pay for this, every single one of us knows your face now' },
  { at: 19.17, platform: 'facebook', lang: 'fr', author: 'troll', category: 'threat', text: "Julie Marchand on va venir t'expliquer la vie au siège d'Ondaline, on sait où tu bosses" },
  { at: 21.1, platform: 'x', lang: 'fr', author: 'troll', category: 'threat', text: '@julie_marchand tu vas le regretter, panne ou pas panne' },

  // ── Attacker payloads: otherwise ordinary records ──────────────────────────────────────────────
  { at: 13.12, platform: 'x', lang: 'en', author: 'troll', category: 'abuse', text: '<img src=x onerror=alert(1)>' },
  { at: 14.68, platform: 'mastodon', lang: 'fr', author: 'troll', category: 'abuse', text: "<script>alert('xss')</script> Ondaline nuls" },
  { at: 16.33, platform: 'facebook', lang: 'fr', author: 'random', category: 'refund', text: 'Formulaire OFFICIEL de remboursement Ondaline, remplissez vite avant ce soir 👉 javascript:alert(1)' },
  { at: 17.08, platform: 'youtube', lang: 'en', author: 'payloadName', category: 'defense', text: 'Outages happen, the staff on the phones did not cause this. Be decent to people.' },
];

export const PAYLOAD_AUTHOR = {
  handle: 'OndalineFan2024',
  name: '<b onmouseover=alert(1)>Ondaline Fan</b>',
  followers: 12,
};

/** The copy-paste campaign: one fragment of each line is picked, so copies differ only slightly. */
// prettier-ignore
export const CAMPAIGN = {
  fr: [
    ['', '', '', 'Fait ✅ ', 'Je participe : ', '👇 ', 'Moi aussi. '],
    ['Je demande à {brand}', 'Je demande à {brand}', "J'exige de {brand}", 'Je demande à {brandSav}'],
    [' le remboursement intégral de mon abonnement', ' le remboursement intégral de mon abonnement', ' le remboursement intégral de mon abonnement du mois'],
    [' pour cette panne.', ' pour cette panne !', " pour la panne d'aujourd'hui."],
    [' Des heures sans internet = 0€ facturé.', ' Des heures sans internet = 0 € facturé.', ' Des heures sans internet = 0€ facturés.'],
    [' Copiez-collez et partagez !', ' Copiez-collez et partagez !', ' Copiez-collez, partagez !', ' copiez collez et partagez'],
    [' #PanneOndaline #OndalineRembourse', ' #PanneOndaline #OndalineRembourse', ' #OndalineRembourse #PanneOndaline', ' #PanneOndaline #OndalineRembourse #BoycottOndaline'],
    ['', '', '', ' 😡', ' ✊', ' 💸'],
  ],
  en: [
    ['', '', 'Done ✅ ', 'Joining in: '],
    ['I demand a full refund from {brand}', 'I demand a full refund from {brand}', 'I demand a full refund from {brandSav}'],
    [' for this outage.', ' for this outage!'],
    [' Hours without internet = €0 billed.'],
    [' Copy, paste and share!', ' Copy paste & share!'],
    [' #PanneOndaline #OndalineRefund', ' #OndalineRefund #PanneOndaline'],
    ['', '', ' 😡', ' ✊'],
  ],
};
