// Per-word memos for the hot path: what an analyzer learns about a word (its folded form, its
// lexicon entries, its hashes) is computed the first time the word is seen and read back after.
// Words follow Zipf's law, so a few thousand entries answer nearly every lookup.
//  - WordMemo: keyed by the word (one Map lookup). Emptied when it reaches its cap, so an endless
//    stream of new words (typos, names) cannot grow it forever.
//  - TokenMemo: kept on the Token itself, the object prepare() hands out for every occurrence of a
//    word (no lookup at all). Tokens live as long as prepare()'s own WordMemo keeps them.

/** Entries kept before a memo starts afresh (a word with all its facts weighs about 1 KB). */
export const WORD_MEMO_CAP = 20_000;

export class WordMemo<V> {
  private readonly map = new Map<string, V>();
  constructor(
    private readonly compute: (word: string) => V,
    private readonly cap = WORD_MEMO_CAP,
  ) {}

  get(word: string): V {
    let v = this.map.get(word);
    if (v === undefined) {
      if (this.map.size >= this.cap) this.map.clear();
      v = this.compute(word);
      this.map.set(word, v);
    }
    return v;
  }
}

/** One distinct token (see text.ts), shared by every post where it occurs. */
export class Token {
  /** What TokenMemos learned about it: [memo, value] pairs, one pair per memo family. */
  facts: unknown[] | null = null;
  constructor(readonly text: string) {}
}

const families = new Map<string, number>();

/**
 * A fact about tokens, computed once per token and kept on it. Memos of one family (the same fact
 * for different lexicons, say) share one place on a token: the memo that last used it keeps it,
 * so a token never holds more than one pair per family.
 */
export class TokenMemo<V> {
  private readonly at: number;
  constructor(
    family: string,
    private readonly compute: (text: string) => V,
  ) {
    let at = families.get(family);
    if (at === undefined) families.set(family, (at = families.size * 2));
    this.at = at;
  }

  get(t: Token): V {
    const facts = t.facts;
    if (facts !== null && facts[this.at] === this) return facts[this.at + 1] as V;
    return this.learn(t);
  }

  private learn(t: Token): V {
    const v = this.compute(t.text);
    let facts = t.facts;
    if (facts === null || facts.length < this.at + 2) {
      // Room for every family known so far, so the array is sized once rather than grown fact by
      // fact (growing leaves it half empty, and tokens are many).
      const room = new Array<unknown>(Math.max(families.size * 2, this.at + 2));
      if (facts) for (let k = 0; k < facts.length; k++) room[k] = facts[k];
      t.facts = facts = room;
    }
    facts[this.at] = this;
    facts[this.at + 1] = v;
    return v;
  }
}
