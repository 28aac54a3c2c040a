// Numbers in the analysis's sentences: French and English each write them their own way.
import { describe, expect, it } from 'vitest';
import { reasonNumber, reasonPercent } from '../../../main/core/analysis/reason-numbers';
import { suggestLevel } from '../../../main/core/analysis/level';

const NBSP = '\u00a0';
/** Between thousands, as the review exports and the page's Intl formats write them. */
const THIN = '\u202f';

describe('reason numbers', () => {
  it('groups thousands and writes decimals as each language does', () => {
    expect(reasonNumber('fr', 100_852)).toBe(`100${THIN}852`);
    expect(reasonNumber('en', 100_852)).toBe('100,852');
    expect(reasonNumber('fr', 1_700_542.4)).toBe(`1${THIN}700${THIN}542`);
    expect(reasonNumber('fr', 1.14)).toBe('1,1');
    expect(reasonNumber('en', 0.19, 2)).toBe('0.19');
    expect(reasonNumber('fr', 0.19, 2)).toBe('0,19');
    expect(reasonNumber('en', 7)).toBe('7');
    expect(reasonNumber('fr', -2.5)).toBe('-2,5');
  });

  it('puts a no-break space before % in French only', () => {
    expect(reasonPercent('fr', 0.5)).toBe(`50${NBSP}%`);
    expect(reasonPercent('en', 0.5)).toBe('50%');
  });

  it('the suggested level’s reasons read naturally in both languages', () => {
    const s = suggestLevel({
      perMinute: 10,
      baselinePerMinute: 1,
      negShare: 0.5,
      toxic: 0,
      targeted: 0,
      reach: 100_852,
      crisisShare: 0.5,
    });
    expect(s.reasonTexts('en')).toContain('Total reach 100,852 (threshold 100,000)');
    expect(s.reasonTexts('fr')).toContain(`Portée cumulée 100${THIN}852 (seuil 100${THIN}000)`);
    expect(s.reasonTexts('en')).toContain('50% of mentions use crisis vocabulary (threshold 40%)');
  });
});

it('counts agree with their noun: one attack, two attacks', () => {
  const input = {
    perMinute: 10,
    baselinePerMinute: 1,
    negShare: 0,
    toxic: 0,
    reach: 0,
    crisisShare: 0,
  };
  const one = suggestLevel({ ...input, targeted: 1 });
  const two = suggestLevel({ ...input, targeted: 2 });
  expect(one.reasonTexts('fr').join('\n')).toContain('1 attaque visant une personne (seuil');
  expect(one.reasonTexts('en').join('\n')).toContain('1 attack aimed at a person (threshold');
  expect(two.reasonTexts('fr').join('\n')).toContain('2 attaques visant une personne (seuil');
});

it('spike alerts in the window are counted in words, in both languages', () => {
  const input = {
    perMinute: 10,
    baselinePerMinute: 1,
    negShare: 0,
    toxic: 0,
    targeted: 0,
    reach: 0,
    crisisShare: 0,
  };
  expect(suggestLevel({ ...input, alerts: 1 }).reasonTexts('fr')).toContain('1 alerte de pic en cours');
  expect(suggestLevel({ ...input, alerts: 3 }).reasonTexts('en')).toContain('3 spike alerts running');
});
