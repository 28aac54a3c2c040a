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

  it('reads plain-ASCII words and accented words by the same rules', () => {
    // Plain-ASCII words take a faster path (one scan of their characters): same flags either way.
    const ascii = prepare('NUUULS nuuuls NUULS 4G 2026 7 A ABC Abc c0nn4rd rip-off l’app', vocab);
    expect(ascii.seq).toEqual([
      'nuls',
      'nuls',
      'nuuls',
      '4g',
      '7',
      'a',
      'abc',
      'abc',
      'c0nn4rd',
      'rip-off',
      "l'",
      'app',
    ]);
    expect(ascii.caps.slice(0, 8)).toEqual([true, false, true, false, false, false, true, false]);
    expect(ascii.stretched.slice(0, 3)).toEqual([true, true, false]);
    // Numbers are not words; words are kept as written, lowercased, for the leet-speak checks.
    expect(ascii.rawWords).not.toContain('2026');
    expect(ascii.rawWords.slice(0, 2)).toEqual(['nuuuls', 'nuuuls']);
    expect(ascii.capsWords).toBe(3);
    const accented = prepare('DÉÇUUUE déçuuue DÉÇU', vocab);
    expect(accented.caps).toEqual([true, false, true]);
    expect(accented.stretched).toEqual([true, true, false]);
    expect(accented.capsWords).toBe(2);
  });

  it('normalizes leet-speak', () => {
    expect(deleet('c0nn4rd')).toBe('connard');
    expect(deleet('$alope')).toBe('salope');
    expect(deleet('@brut1')).toBe('abruti');
    expect(deleet('merci')).toBe('merci');
  });
});
