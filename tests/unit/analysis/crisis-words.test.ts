import { describe, expect, it } from 'vitest';
import { createCrisisMatcher } from '../../../main/core/analysis/crisis-words';
import { analyzeText } from '../../../main/core/analysis/index';
import { getLexicons } from '../../../main/core/analysis/lexicons';
import { prepare } from '../../../main/core/analysis/text';

describe('crisis words', () => {
  it('finds FR and EN crisis terms, phrases and hashtags', () => {
    expect(analyzeText('Scandale ! Fuite de données chez eux, je porte plainte').crisisTerms).toEqual([
      'scandale',
      'plainte',
      'fuite de données',
    ]);
    expect(analyzeText('This is a scam, class action incoming after the data breach').crisisTerms).toEqual([
      'scam',
      'class action',
      'data breach',
    ]);
    expect(analyzeText('#BoycottOndaline').crisisTerms).toEqual(['boycott']);
    expect(analyzeText('Remboursez-nous, arnaqueurs').crisisTerms).toEqual(['arnaque', 'remboursement']);
  });

  it('accepts a team’s own lexicon', () => {
    const m = createCrisisMatcher([
      { term: 'rappel', forms: ['rappel conso', 'rappel*'] },
      { term: 'listeria', forms: ['listeria'] },
    ]);
    const p = prepare('Rappel conso : listeria dans les fromages', getLexicons().vocabulary);
    expect(m.match(p)).toEqual(['rappel', 'listeria']);
    expect(analyzeText('listeria !', { crisis: m }).crisisTerms).toEqual(['listeria']);
  });
});
