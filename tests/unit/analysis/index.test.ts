import { describe, expect, it } from 'vitest';
import {
  analyzeBatch,
  analyzeCli,
  analyzeText,
  topHashtags,
  topTerms,
} from '../../../main/core/analysis/index';

describe('analyzeText', () => {
  it('returns every field', () => {
    const a = analyzeText('Scandale, encore en panne depuis 3h 😡 #PanneOndaline', { platformLang: 'fr' });
    expect(a).toEqual({
      lang: 'fr',
      sentiment: expect.any(Number),
      label: 'negative',
      toxicity: expect.any(Number),
      reasons: [],
      crisisTerms: ['scandale', 'panne'],
      targets: [],
      aimedAt: null,
    });
    expect(a.sentiment).toBeGreaterThanOrEqual(-1);
    expect(a.sentiment).toBeLessThan(-0.05);
  });

  it('handles empty and odd input', () => {
    for (const t of ['', '   ', '😂', 'https://x.example', '@a @b', '!!!???', 'a'.repeat(5000)]) {
      const a = analyzeText(t);
      expect(a.toxicity).toBeGreaterThanOrEqual(0);
      expect(a.toxicity).toBeLessThanOrEqual(1);
      expect(Math.abs(a.sentiment)).toBeLessThanOrEqual(1);
    }
  });

  it('analyzes batches with each item’s language and rating', () => {
    const out = analyzeBatch([
      { text: 'Incroyable', lang: 'fr' },
      { text: 'Incredible', lang: 'en' },
      { text: 'Top appli', lang: 'fr', rating: 1 },
    ]);
    expect(out.map((a) => a.lang)).toEqual(['fr', 'en', 'fr']);
    expect(out[2]!.label).toBe('negative');
  });
});

describe('analyzeCli', () => {
  it('prints one JSON object per line, keys in the documented order', () => {
    const out = analyzeCli([
      't es une c0nnasse, on sait ou tu habites',
      'Merci beaucoup, super service !',
      '',
    ]);
    expect(out).toHaveLength(3);
    for (const o of out)
      expect(Object.keys(o).slice(0, 5)).toEqual(['lang', 'sentiment', 'label', 'toxicity', 'reasons']);
    const line = JSON.stringify(out[0]);
    expect(line).toMatch(
      /^\{"lang":"fr","sentiment":-?\d(\.\d{1,2})?,"label":"negative","toxicity":0\.\d{1,2},"reasons":\["insult","threat"\]/,
    );
    expect(out[1]).toMatchObject({ lang: 'fr', label: 'positive', toxicity: 0, reasons: [] });
    expect(out[2]).toMatchObject({ label: 'neutral', sentiment: 0 });
  });
});

describe('top terms', () => {
  it('counts content words and hashtags once per post', () => {
    const texts = [
      'Panne panne #PanneOndaline',
      'encore une panne #panneondaline',
      'le réseau est revenu #Fibre',
    ];
    // Ties in alphabetical order.
    expect(topTerms(texts, 2)).toEqual([
      { term: 'ondaline', count: 2 },
      { term: 'panne', count: 2 },
    ]);
    expect(topHashtags(texts, 1)).toEqual([{ term: '#panneondaline', count: 2 }]);
  });
});
