// FR and EN wording of the evidence dossier's HTML and CSV exports.

export const LABELS = {
  fr: {
    title: 'Dossier de preuves',
    subject: 'Personne visée',
    caseId: 'Dossier',
    preparedBy: 'Préparé par',
    generatedAt: 'Généré le',
    timeZone: 'Fuseau horaire des heures locales',
    count: 'Messages',
    dossierHash: 'Empreinte du dossier (SHA-256)',
    method:
      'Chaque message est reproduit tel que Vigie l’a capturé (texte figé, jamais modifié). Son empreinte SHA-256 ' +
      'est calculée sur le JSON canonique de l’enregistrement (clés triées, sans espaces, chaînes échappées comme ' +
      'JSON.stringify, sous-ensemble de la RFC 8785, encodage UTF-8, sans normalisation Unicode). L’empreinte du ' +
      'dossier est celle du JSON canonique {format, version, caseId, subject, items : [empreintes dans l’ordre]}. ' +
      'L’export JSON contient les enregistrements exacts pour vérification. La toxicité estimée, la cible et les ' +
      'notes ne font pas partie des empreintes.',
    marks:
      'Les caractères invisibles ou de contrôle (inversion de sens d’écriture, espaces de largeur nulle…) sont ' +
      'signalés ainsi : ⟦U+202E⟧. Les liens ne sont cliquables que s’ils sont en http ou https.',
    n: 'N°',
    utc: 'Date (UTC)',
    local: 'Date (heure locale)',
    platform: 'Plateforme',
    author: 'Auteur',
    authorName: 'Nom affiché',
    link: 'Lien',
    text: 'Texte figé',
    sha: 'Empreinte (SHA-256)',
    mentionId: 'Identifiant Vigie',
    externalId: 'Identifiant plateforme',
    replyTo: 'En réponse à',
    lang: 'Langue',
    captured: 'Capturé par Vigie le (UTC)',
    frozen: 'Figé le (UTC)',
    frozenBy: 'Figé par',
    toxicity: 'Toxicité estimée (0-1)',
    target: 'Cible',
    note: 'Note',
    none: '—',
    noLink: 'aucun lien',
    notClickable: (why: string) => `non cliquable : ${why}`,
    scheme: (s: string) => `schéma « ${s} »`,
    invalidUrl: 'adresse invalide',
    host: (h: string) => `domaine réel : ${h}`,
    nonAscii: 'Caractères non ASCII (sosies possibles) :',
    targets: { self: 'la personne elle-même', colleague: 'un·e collègue', other: 'autre' },
    empty: 'Aucun message dans ce dossier.',
  },
  en: {
    title: 'Evidence dossier',
    subject: 'Targeted person',
    caseId: 'Case',
    preparedBy: 'Prepared by',
    generatedAt: 'Generated at',
    timeZone: 'Time zone of local times',
    count: 'Messages',
    dossierHash: 'Dossier fingerprint (SHA-256)',
    method:
      'Each message is reproduced as Vigie captured it (frozen text, never modified). Its SHA-256 fingerprint is ' +
      'computed over the canonical JSON of the record (sorted keys, no whitespace, strings escaped as ' +
      'JSON.stringify does, RFC 8785 subset, UTF-8, no Unicode normalization). The dossier fingerprint is that of ' +
      'the canonical JSON {format, version, caseId, subject, items: [fingerprints in order]}. The JSON export holds ' +
      'the exact records for verification. Estimated toxicity, target and notes are not part of the fingerprints.',
    marks:
      'Invisible or control characters (writing-direction overrides, zero-width spaces…) are shown like this: ' +
      '⟦U+202E⟧. Links are clickable only when they are http or https.',
    n: 'No.',
    utc: 'Date (UTC)',
    local: 'Date (local time)',
    platform: 'Platform',
    author: 'Author',
    authorName: 'Display name',
    link: 'Link',
    text: 'Frozen text',
    sha: 'Fingerprint (SHA-256)',
    mentionId: 'Vigie ID',
    externalId: 'Platform ID',
    replyTo: 'In reply to',
    lang: 'Language',
    captured: 'Captured by Vigie at (UTC)',
    frozen: 'Frozen at (UTC)',
    frozenBy: 'Frozen by',
    toxicity: 'Estimated toxicity (0-1)',
    target: 'Target',
    note: 'Note',
    none: '—',
    noLink: 'no link',
    notClickable: (why: string) => `not clickable: ${why}`,
    scheme: (s: string) => `“${s}” link`,
    invalidUrl: 'invalid address',
    host: (h: string) => `actual domain: ${h}`,
    nonAscii: 'Non-ASCII characters (possible lookalikes):',
    targets: { self: 'the person themself', colleague: 'a colleague', other: 'other' },
    empty: 'No message in this dossier.',
  },
} as const;
