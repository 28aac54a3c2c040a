import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../main/core/analysis/index';
import { getLexicons } from '../../../main/core/analysis/lexicons';
import { ruleSentiment } from '../../../main/core/analysis/sentiment-rules';
import { prepare } from '../../../main/core/analysis/text';
import { labelScore, ratingSentiment } from '../../../main/core/analysis/sentiment';
import { SENTIMENT_NEUTRAL_BAND as NEUTRAL_BAND } from '../../../shared/thresholds';

const label = (text: string, platformLang?: string) => analyzeText(text, { platformLang }).label;
const rules = (text: string, lang: 'fr' | 'en') =>
  ruleSentiment(prepare(text, getLexicons().vocabulary), lang).compound;

describe('sentiment', () => {
  it('reads plain praise and complaints in both languages', () => {
    expect(label('Super accueil, merci beaucoup 🙏', 'fr')).toBe('positive');
    expect(label('Service lamentable, encore une panne', 'fr')).toBe('negative');
    expect(label('Great support, thank you so much', 'en')).toBe('positive');
    expect(label('Worst service ever, still waiting for a refund', 'en')).toBe('negative');
  });

  it('handles negation', () => {
    expect(label('je suis pas content du tout', 'fr')).toBe('negative');
    expect(label("Ce n'est pas génial", 'fr')).toBe('negative');
    expect(label('jamais satisfait de ce service', 'fr')).toBe('negative');
    expect(label('Jamais eu de problème avec eux', 'fr')).toBe('positive');
    expect(label('never had a problem with them', 'en')).toBe('positive');
    expect(label('not good at all', 'en')).toBe('negative');
    expect(label("I don't like the new app", 'en')).toBe('negative');
    expect(label('not bad at all actually', 'en')).toBe('positive');
    expect(label('pas mal du tout ce forfait', 'fr')).toBe('positive');
  });

  it('lets intensifiers, diminishers, capitals and "!!!" change the strength (rules)', () => {
    expect(rules('le service est vraiment nul', 'fr')).toBeLessThan(rules('le service est nul', 'fr'));
    expect(rules('un peu cher', 'fr')).toBeGreaterThan(rules('cher', 'fr'));
    expect(rules('so good', 'en')).toBeGreaterThan(rules('good', 'en'));
    expect(rules('good!!!', 'en')).toBeGreaterThan(rules('good', 'en'));
    expect(rules('this is AWFUL, really', 'en')).toBeLessThan(rules('this is awful, really', 'en'));
    expect(rules('nuuuuls', 'fr')).toBeLessThan(rules('nuls', 'fr'));
    // And the final label agrees.
    expect(label('le service est vraiment nul', 'fr')).toBe('negative');
    expect(label('so good!!!', 'en')).toBe('positive');
  });

  it('counts emoji', () => {
    expect(label('ma box ce matin 😡🤬👎', 'fr')).toBe('negative');
    expect(label('my order this morning 🙏👍❤️', 'en')).toBe('positive');
  });

  it('turns praise around when irony markers say so', () => {
    expect(label('Merci pour rien @BNP', 'fr')).toBe('negative');
    expect(label('thanks for nothing', 'en')).toBe('negative');
    expect(label('Génial... encore en panne 🙄', 'fr')).toBe('negative');
    expect(label("bravo 👏 3h d'attente", 'fr')).toBe('negative');
    expect(label('great job breaking the app again 🙄', 'en')).toBe('negative');
  });

  it('reads hashtags and ignores URLs and handles', () => {
    expect(label('#PanneOndaline depuis ce matin', 'fr')).toBe('negative');
    // Only a handle and a link: no word to score.
    expect(label('@nul_officiel https://nul.example/nul', 'fr')).toBe('neutral');
  });

  it('never calls an insult or a threat neutral', () => {
    for (const [text, lang] of [
      ['Ondaline vous êtes des connards, remboursez !', 'fr'],
      ['vous êtes des clowns', 'fr'],
      ['quelle bande de bouffons chez Ondaline', 'fr'],
      ['on sait où tu habites', 'fr'],
      ["you'll pay for this, we know where you live", 'en'],
    ] as const) {
      const a = analyzeText(text, { platformLang: lang });
      expect(a.reasons.length, text).toBeGreaterThan(0);
      expect(a.label, text).toBe('negative');
      expect(a.sentiment, text).toBeLessThanOrEqual(-0.4);
    }
    // Without abuse, the words decide: a plain question stays neutral.
    expect(label('Quelqu’un sait quand le réseau revient ?', 'fr')).toBe('neutral');
  });

  it('keeps a review star rating', () => {
    expect(analyzeText('Super appli', { rating: 1 }).label).toBe('negative');
    expect(ratingSentiment(5)).toEqual({ score: 0.9, label: 'positive' });
    expect(ratingSentiment(3).label).toBe('neutral');
  });

  it('scores neutral posts inside the ingest neutral band, and only those', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (raw, n, p) => {
          const r = labelScore(raw, n, p);
          if (r.label === 'neutral') return Math.abs(r.score) <= NEUTRAL_BAND;
          return r.label === 'negative' ? r.score < -NEUTRAL_BAND : r.score > NEUTRAL_BAND;
        },
      ),
    );
    for (const t of ['Le train part à 8h', 'merci !', 'nul', 'Quelle heure ?']) {
      const a = analyzeText(t, { platformLang: 'fr' });
      expect(Math.abs(a.sentiment) <= NEUTRAL_BAND).toBe(a.label === 'neutral');
    }
  });
});
