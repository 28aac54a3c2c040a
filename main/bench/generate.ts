// Realistic generated mentions for the benchmark: FR/EN, several platforms, a 30-day window with a storm.
import type { NewMention } from '../core/sync/ingest';
import type { Platform } from '../../shared/model';

const PLATFORMS: Platform[] = [
  'x',
  'x',
  'x',
  'mastodon',
  'bluesky',
  'reddit',
  'youtube',
  'facebook',
  'rss',
  'reviews',
];
const FR = [
  'Toujours pas de connexion depuis ce matin, {brand} vous abusez',
  'Quelqu’un a des nouvelles de la panne {brand} ? #Panne{brand}',
  'Merci au service client de {brand} pour la réponse rapide',
  'Trois jours sans internet, je veux être remboursé. Honteux.',
  'La box clignote orange, le support ne répond pas…',
  'Boycott de {brand} jusqu’à ce qu’ils s’expliquent',
  'Article intéressant sur la gestion de crise chez {brand}',
  'Franchement ça marche à nouveau chez moi, merci les techniciens',
  '@{brand}_Aide ça fait 2h que j’attends au 3900, personne ne décroche',
  'Mon télétravail est foutu pour la journée, merci {brand} 🙄',
  'Le communiqué de {brand} ne dit rien sur les indemnisations',
  'Je résilie dès que la fibre revient, c’est fini pour moi',
  'Est-ce que les urgences passent encore avec un mobile {brand} ? Question sérieuse',
  'Les techniciens sont sur place à Villeurbanne, courage à eux 👷',
];
const EN = [
  'Still no internet from {brand}, this is a joke',
  'Anyone else having issues with {brand} today? #outage',
  'Great support from {brand} on the phone, fixed in ten minutes',
  'Class action against {brand} when? Unacceptable.',
  'Reading about the {brand} outage, what a mess',
  '@{brand}Help three hours on hold and the line just drops',
  'Working from a café because {brand} is down again ☕',
  'The {brand} statement says nothing about refunds',
];
const TAILS_FR = ['', '', ' #PanneOndaline', ' #fibre', ' https://ondaline.example/statut', ' 😡', ' merci'];
const TAILS_EN = ['', '', ' #outage', ' #OndalineDown', ' https://ondaline.example/status', ' 😤'];
const WORDS = [
  'fibre',
  'mobile',
  'facture',
  'réseau',
  'Paris',
  'Lyon',
  'Marseille',
  'Toulouse',
  'remboursement',
  'support',
  'app',
  'wifi',
  'box',
  '4G',
  'SAV',
];

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_START = Date.UTC(2026, 9, 1);
export const BENCH_DAYS = 30;

export function* generateMentions(count: number, seed = 42, start = BENCH_START): Generator<NewMention> {
  const rnd = seeded(seed);
  const span = BENCH_DAYS * 86_400_000;
  for (let i = 0; i < count; i++) {
    const platform = PLATFORMS[Math.floor(rnd() * PLATFORMS.length)]!;
    const french = rnd() < 0.7;
    const pool = french ? FR : EN;
    const tails = french ? TAILS_FR : TAILS_EN;
    // A template, a place or topic, a tail (hashtag, link, emoji) and a number that makes each unique.
    const text =
      pool[Math.floor(rnd() * pool.length)]!.replace(/\{brand\}/g, 'Ondaline') +
      ' ' +
      WORDS[Math.floor(rnd() * WORDS.length)] +
      tails[Math.floor(rnd() * tails.length)] +
      ' ' +
      i.toString(36);
    // Streams arrive in time order; a third of the volume falls in the days-12-to-14 storm.
    const at = start + stormTime((i + rnd()) / count) * span;
    const followers = Math.floor(Math.exp(rnd() * 11));
    const externalId = `${seed}-${i}`;
    yield {
      id: `${platform}:${externalId}`,
      platform,
      externalId,
      url: `https://example.test/${platform}/${externalId}`,
      authorHandle: `user${Math.floor(rnd() * 50_000)}`,
      authorName: null,
      authorFollowers: followers,
      text,
      lang: french ? 'fr' : 'en',
      createdAt: Math.floor(at),
      likes: Math.floor(rnd() * 20),
      shares: Math.floor(rnd() * 5),
      replies: Math.floor(rnd() * 3),
      rating: platform === 'reviews' ? 1 + Math.floor(rnd() * 5) : null,
    };
  }
}

/** Inverse CDF of "uniform over 30 days (67 %) + uniform over days 12–14 (33 %)", as a fraction of the span. */
function stormTime(u: number): number {
  const a = 12 / 30;
  const b = 14 / 30;
  const cdfA = 0.67 * a;
  const cdfB = cdfA + 0.67 * (b - a) + 0.33;
  if (u < cdfA) return (u / cdfA) * a;
  if (u < cdfB) return a + ((u - cdfA) / (cdfB - cdfA)) * (b - a);
  return b + ((u - cdfB) / (1 - cdfB)) * (1 - b);
}
