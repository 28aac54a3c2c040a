import { describe, expect, it } from 'vitest';
import { NearDuplicateClusterer } from '../../../main/core/analysis/near-duplicates';

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

const TEMPLATE =
  "J'exige de @Ondaline le remboursement intégral de mon abonnement pour la panne d'aujourd'hui. Des heures sans internet = 0€ facturé. Copiez-collez, partagez ! #PanneOndaline";

/** Small edits people make to a copy-paste: a word, a typo, an emoji, a handle, a tag. */
function vary(text: string, r: () => number): string {
  let t = text;
  if (r() < 0.3) t = t.replace("J'exige de", 'Je demande à');
  if (r() < 0.3) t = t.replace('@Ondaline', '@Ondaline_SAV');
  if (r() < 0.3) t = t.replace('intégral', 'integral');
  if (r() < 0.3) t = t.replace('Copiez-collez, partagez !', 'Copiez-collez et partagez');
  if (r() < 0.3) t += ' 😡';
  if (r() < 0.3) t += ' #BoycottOndaline';
  if (r() < 0.3) {
    const i = 10 + Math.floor(r() * (t.length - 20));
    t = t.slice(0, i) + t.slice(i + 1);
  }
  if (r() < 0.2) t = t.toUpperCase();
  return t;
}

describe('NearDuplicateClusterer', () => {
  it('puts 500 varied copies of one message in one cluster', () => {
    const c = new NearDuplicateClusterer();
    const r = rng(7);
    const ids = new Set<string>();
    let last = null;
    for (let i = 0; i < 500; i++) {
      last = c.add(`m${i}`, vary(TEMPLATE, r), 1_000_000 + i * 1000);
      ids.add(last.clusterId);
    }
    expect(ids).toEqual(new Set(['m0']));
    expect(last!.size).toBe(500);
    expect(c.clusterSize('m0')).toBe(500);
    // Near-identical copies are counted, not all indexed.
    expect(c.indexed).toBeLessThan(500);
  });

  it('keeps unrelated posts apart', () => {
    const c = new NearDuplicateClusterer();
    const posts = [
      'Encore un train supprimé ce matin, 45 min sur le quai pour rien',
      'La nouvelle saison de la série est incroyable, je la recommande',
      'Mon colis est marqué livré mais je n’ai rien reçu, que faire ?',
      'Internet coupé dans tout le quartier depuis hier soir, aucune info',
      'Great customer service today, the agent fixed my issue in minutes',
      'Flight delayed by three hours and no one at the gate to explain',
      'Quelqu’un sait si la piscine municipale est ouverte dimanche ?',
      'The new update broke the login screen on Android, please fix',
    ];
    const clusters = posts.map((p, i) => c.add(`p${i}`, p, i).clusterId);
    expect(new Set(clusters).size).toBe(posts.length);
  });

  it('chains a quote to its original', () => {
    const c = new NearDuplicateClusterer();
    const original = 'Ondaline a coupé internet à la moitié de la France et ne dit rien depuis trois heures';
    c.add('o', original, 0);
    const quote = c.add('q', `Tellement vrai 👇 "${original}"`, 1000);
    expect(quote.clusterId).toBe('o');
  });

  it('groups short posts only when they are exact copies', () => {
    const c = new NearDuplicateClusterer();
    expect(c.add('a', 'Ondaline nuls', 0).clusterId).toBe('a');
    expect(c.add('b', 'ONDALINE NULS !!', 1).clusterId).toBe('a');
    expect(c.add('c', 'Ondaline top', 2).clusterId).toBe('c');
  });

  it('forgets signatures past the age and size bounds', () => {
    const c = new NearDuplicateClusterer({ maxAgeMs: 60_000, maxEntries: 50 });
    c.add('old', TEMPLATE, 0);
    const later = c.add('new', TEMPLATE, 120_000);
    expect(later.clusterId).toBe('new');
    for (let i = 0; i < 200; i++)
      c.add(`u${i}`, `message numéro ${i} sans rapport avec les autres, sujet ${i * 7919}`, 130_000 + i);
    expect(c.indexed).toBeLessThanOrEqual(51);
  });
});
