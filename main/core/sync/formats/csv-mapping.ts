// Which column of a listening-tool export (Talkwalker, Meltwater, Brandwatch, Mention, Digimind,
// Onclusive…) holds which mention field. Headers are compared without case, accents or punctuation,
// in French and English; the user can override the guess with an explicit mapping.
import { FormatError } from '../types';

export const CSV_FIELDS = [
  'id',
  'date',
  'time',
  'url',
  'author',
  'authorName',
  'text',
  'title',
  'platform',
  'lang',
  'reach',
  'followers',
  'sentiment',
  'likes',
  'shares',
  'replies',
  'engagement',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Field → the header it is read from (as written in the file), or null when the file has none. */
export type CsvMapping = Record<CsvField, string | null>;

/** Accepted headers per field, normalized, most specific first. Order of fields matters too. */
const ALIASES: Record<CsvField, string[]> = {
  id: [
    ...['document id', 'mention id', 'tweet id', 'post id', 'article id', 'message id', 'status id'],
    ...['doc id', 'docid', 'unique id', 'resource id', 'guid', 'identifiant', 'id'],
  ],
  date: [
    ...['date de publication', 'publication date', 'published date', 'date published', 'published at'],
    ...['published', 'publie le', 'date publication', 'created at', 'created', 'creation date'],
    ...['date de creation', 'posted at', 'post date', 'mention date', 'date et heure', 'date heure'],
    ...['datetime', 'date time', 'timestamp', 'pubdate', 'date'],
  ],
  time: ['time', 'heure', 'published time', 'heure de publication', 'time of day', 'hour'],
  url: [
    ...['url', 'link', 'lien', 'permalink', 'article url', 'post url', 'tweet url', 'mention url'],
    ...['url de la mention', 'lien de la mention', 'expanded url', 'original url', 'hyperlink'],
  ],
  author: [
    ...['author handle', 'screen name', 'handle', 'username', 'user name', 'author username'],
    ...['influencer', 'influenceur', 'author', 'auteur', 'twitter screen name', 'pseudo', 'compte'],
    ...['account', 'extra author attributes short name', 'user', 'utilisateur'],
  ],
  authorName: [
    ...['author name', 'full name', 'display name', 'nom de l auteur', 'nom auteur', 'author full name'],
    ...['extra author attributes name', 'name', 'nom'],
  ],
  text: [
    ...['hit sentence', 'full text', 'text', 'content', 'contenu', 'message', 'snippet', 'texte'],
    ...['extrait', 'body', 'corps', 'mention text', 'mention content', 'contenu de la mention'],
    ...['opening text', 'tweet text', 'post text', 'tweet', 'post', 'mention', 'verbatim', 'extract'],
    ...['description', 'summary', 'resume'],
  ],
  title: ['title', 'titre', 'headline', 'article title', 'titre de l article', 'subject', 'sujet'],
  platform: [
    ...['platform', 'plateforme', 'media type', 'type de media', 'source type', 'type de source'],
    ...['reseau social', 'reseau', 'social network', 'network', 'page type', 'content source'],
    ...['site type', 'channel', 'canal', 'media', 'source'],
  ],
  lang: ['language', 'langue', 'lang', 'language code', 'code langue'],
  reach: [
    ...['reach', 'potential reach', 'estimated reach', 'audience', 'potential audience', 'portee'],
    ...['portee potentielle', 'audience potentielle', 'impressions', 'views', 'vues', 'circulation'],
  ],
  followers: [
    ...['followers', 'author followers', 'followers count', 'abonnes', 'nombre d abonnes'],
    ...['twitter followers', 'subscribers', 'fans'],
  ],
  sentiment: ['sentiment', 'tonalite', 'tone', 'polarity', 'polarite', 'ton'],
  likes: [
    ...['likes', 'like', 'likes count', 'favorites', 'favourites', 'favorite count', 'j aime'],
    ...['mentions j aime', 'reactions'],
  ],
  shares: [
    ...['shares', 'share', 'retweets', 'retweet count', 'reposts', 'partages', 'repartages'],
    ...['shares count', 'boosts'],
  ],
  replies: ['comments', 'replies', 'commentaires', 'reponses', 'comment count', 'reply count'],
  engagement: [
    ...['engagement', 'engagements', 'total engagement', 'total engagements', 'interactions'],
    ...['engagement total'],
  ],
};

/** "Date de publication (UTC)" → "date de publication"; "Screen_Name" → "screen name". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The automatic mapping, and the headers no field uses (shown to the user, who may map them). */
export function csvMappingFor(headers: readonly string[]): { mapping: CsvMapping; unknown: string[] } {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping = Object.fromEntries(CSV_FIELDS.map((f) => [f, null])) as CsvMapping;
  for (const field of CSV_FIELDS) {
    for (const alias of ALIASES[field]) {
      const i = normalized.findIndex((h, j) => h === alias && !used.has(j));
      if (i < 0) continue;
      used.add(i);
      mapping[field] = headers[i] ?? null;
      break;
    }
  }
  const unknown = headers.filter((h, i) => !used.has(i) && h.trim() !== '');
  return { mapping, unknown };
}

/**
 * The automatic mapping with the user's corrections on top: a header name (exact, or equal once
 * normalized) or null to ignore the field. A header the file does not have is an error.
 */
export function resolveMapping(
  headers: readonly string[],
  explicit: Partial<Record<CsvField, string | null>> | undefined,
): CsvMapping {
  const { mapping } = csvMappingFor(headers);
  if (!explicit) return mapping;
  for (const field of CSV_FIELDS) {
    if (!(field in explicit)) continue;
    const wanted = explicit[field];
    if (wanted === null || wanted === undefined || wanted === '') {
      mapping[field] = null;
      continue;
    }
    const found =
      headers.find((h) => h === wanted) ??
      headers.find((h) => normalizeHeader(h) === normalizeHeader(wanted));
    if (found === undefined)
      throw new FormatError(`The file has no column "${wanted.slice(0, 80)}" (mapped to ${field}).`);
    mapping[field] = found;
  }
  return mapping;
}
