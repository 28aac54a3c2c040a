// Pure helpers for "top terms and hashtags" over a window (the lead's SQL picks the texts).
import { getLexicons } from './lexicons';
import { prepare, TAG, WORD } from './text';

const STOPWORDS = new Set(
  (
    'le la les de des du un une et est en a au aux pour pas que qui ne se sur dans par plus avec ce cette ces ' +
    "il elle ils elles on je j' tu t' vous nous l' d' c' qu' n' s' m' mon ma mes ton ta tes son sa ses notre " +
    "votre vos leur leurs y ou mais donc car si tout tous toute tres trop bien ca cela c'est ai as avez ont " +
    'suis es sont etre avoir fait faire the a an and or of to in on at for is are was were be been it its ' +
    'this that these those i you he she we they me my your our their them with from by as not no so just ' +
    'but if then than there here what why how when who which all any do does did have has had will would ' +
    'can could should get got up out about into over again still rt via amp'
  ).split(' '),
);

export interface TermCount {
  term: string;
  count: number;
}

function top(counts: Map<string, number>, n: number): TermCount[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([term, count]) => ({ term, count }));
}

/** Most frequent content words (folded, stopwords and `exclude` left out), each counted once per text. */
export function topTerms(texts: Iterable<string>, n = 20, exclude: Iterable<string> = []): TermCount[] {
  const vocab = getLexicons().vocabulary;
  const skip = new Set([...exclude].map((w) => w.toLowerCase()));
  const counts = new Map<string, number>();
  for (const text of texts) {
    const p = prepare(text, vocab);
    const seen = new Set<string>();
    p.seq.forEach((w, i) => {
      const k = p.kinds[i];
      if ((k !== WORD && k !== TAG) || w.length < 3 || STOPWORDS.has(w) || skip.has(w) || seen.has(w)) return;
      if (/^\d+$/.test(w)) return;
      seen.add(w);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    });
  }
  return top(counts, n);
}

/** Most frequent hashtags (case-folded), each counted once per text. */
export function topHashtags(texts: Iterable<string>, n = 20): TermCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const m of text.matchAll(/#([\p{L}\p{N}_]+)/gu)) {
      const tag = m[1]!.toLowerCase();
      if (seen.has(tag)) continue;
      seen.add(tag);
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return top(counts, n).map((t) => ({ term: `#${t.term}`, count: t.count }));
}
