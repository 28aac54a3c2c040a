import { describe, expect, it } from 'vitest';
import { getLexicons } from '../../../main/core/analysis/lexicons';
import { EMOJI, prepare, splitHashtag, TAG } from '../../../main/core/analysis/text';
import { deleet } from '../../../main/core/analysis/toxicity-abuse';

const vocab = getLexicons().vocabulary;

describe('prepare', () => {
  it('splits camelCase hashtags into words and keeps the tag', () => {
    const p = prepare('Toujours rien #PanneOndaline #ThankYouNHS', vocab);
    expect(p.hashtags).toEqual(['panneondaline', 'thankyounhs']);
    const parts = p.seq.filter((_, i) => p.kinds[i] === TAG);
    expect(parts).toEqual(['panne', 'ondaline', 'thank', 'you', 'nhs']);
  });

  it('splits lower-case hashtags with known words', () => {
    expect(splitHashtag('boycottdanone', vocab)).toEqual(['boycott', 'danone']);
    expect(splitHashtag('pannegenerale', vocab)).toEqual(['panne', 'generale']);
  });

  it('ignores URLs and @handles as words but records them', () => {
    const p = prepare('@Ondaline_SAV nul https://t.co/abc merci @julie-marchand.bsky.social.', vocab);
    expect(p.seq).toEqual(['nul', 'merci']);
    expect(p.handles).toEqual(['ondaline_sav', 'julie-marchand.bsky.social']);
    expect(p.urls).toBe(1);
  });

  it('reads emoji, punctuation and capitals', () => {
    const p = prepare('JE SUIS FURIEUSE 😡😡 !!! ...', vocab);
    expect(p.emoji).toEqual(['😡', '😡']);
    expect(p.kinds.filter((k) => k === EMOJI)).toHaveLength(2);
    expect(p.exclam).toBe(3);
    expect(p.ellipsis).toBe(true);
    expect(p.capsWords).toBe(2); // JE is too short to count
  });

  it('folds accents, splits French elisions and collapses stretched letters', () => {
    const p = prepare("C'est NUUUUULS, j'suis déçue", vocab);
    expect(p.seq).toEqual(["c'", 'est', 'nuls', "j'", 'suis', 'decue']);
    expect(p.stretched[2]).toBe(true);
  });

  it('normalizes leet-speak', () => {
    expect(deleet('c0nn4rd')).toBe('connard');
    expect(deleet('$alope')).toBe('salope');
    expect(deleet('@brut1')).toBe('abruti');
    expect(deleet('merci')).toBe('merci');
  });
});
