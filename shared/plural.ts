// Counted words in sentences the core writes (explanations, journal lines): "1 mention", "0 mention"
// in French, "0 mentions" in English, as each language's plural rules say; never "mention(s)".
const RULES = { fr: new Intl.PluralRules('fr'), en: new Intl.PluralRules('en') };

export function counted(lang: 'fr' | 'en', n: number, one: string, other: string): string {
  return `${n} ${RULES[lang].select(n) === 'one' ? one : other}`;
}
