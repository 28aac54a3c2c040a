// Seeded randomness and template expansion. Nothing here reads the clock or Math.random, so the
// generator produces byte-identical output for a given seed.

/** mulberry32: tiny, fast, good enough for fixtures. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    uniform: (a, b) => a + next() * (b - a),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** pairs: [[value, weight], ...] */
    weighted(pairs) {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let x = next() * total;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    normal() {
      const u = next() || 1e-12;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    poisson(lambda) {
      if (lambda <= 0) return 0;
      if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
  return r;
}

const MIN_HOUR = /^@(\d+(?:\.\d+)?) /;

/** Templates may start with "@H " to be used only from scenario hour H on. */
export function pickTemplate(r, templates, hour) {
  const usable = templates.filter((t) => {
    const m = MIN_HOUR.exec(t);
    return !m || hour >= Number(m[1]);
  });
  return r.pick(usable).replace(MIN_HOUR, '');
}

/**
 * Expands {slot} (looked up in `dict`, whose values are lists or strings) and {a|b|c} (inline
 * alternatives), innermost first, so alternatives and slot values may themselves hold slots.
 */
export function expand(r, template, dict) {
  let s = template;
  for (let guard = 0; guard < 400; guard++) {
    const m = /\{([^{}]*)\}/.exec(s);
    if (!m) return s;
    const inner = m[1];
    let rep;
    if (inner.includes('|')) rep = r.pick(inner.split('|'));
    else if (inner in dict) rep = Array.isArray(dict[inner]) ? r.pick(dict[inner]) : String(dict[inner]);
    else throw new Error(`Unknown template slot {${inner}} in: ${template}`);
    s = s.slice(0, m.index) + rep + s.slice(m.index + m[0].length);
  }
  throw new Error(`Template did not converge: ${template}`);
}
