// Statement templates: {{variable}} placeholders, the catalog of variables Vigie fills itself, and
// rendering with clear errors (unknown variable, missing value) that name the template and the line.
import { VigieError } from '../errors';
import type { Lang, Localized } from './config';
import type { StatementTemplate } from './playbooks/schema';

/** Variables Vigie knows without a template declaring them. */
export const BUILTIN_VARIABLES: ReadonlyArray<{ name: string; description: Localized }> = [
  {
    name: 'brand',
    description: { fr: 'Nom de la marque ou de l’organisation', en: 'Brand or organisation name' },
  },
  { name: 'incident_title', description: { fr: 'Titre de l’incident', en: 'Incident title' } },
  {
    name: 'signatory_first_name',
    description: { fr: 'Prénom du signataire des réponses', en: 'First name of the signatory' },
  },
  {
    name: 'next_update_time',
    description: {
      fr: 'Heure du prochain point (cadence du niveau)',
      en: 'Time of the next update (level cadence)',
    },
  },
  { name: 'current_time', description: { fr: 'Heure actuelle', en: 'Current time' } },
  { name: 'current_date', description: { fr: 'Date du jour', en: 'Today’s date' } },
  {
    name: 'reply_to_handle',
    description: { fr: 'Compte auquel on répond (@…)', en: 'Account being answered (@…)' },
  },
];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME_RE = /^[a-z][a-z0-9_]{0,63}$/;

export interface Placeholder {
  name: string;
  /** 0-based line inside the body. */
  bodyLine: number;
}

/** Every {{…}} of a body with its line; throws on a malformed one ("{{" without "}}", bad name). */
export function scanPlaceholders(body: string): { placeholders: Placeholder[]; problems: Placeholder[] } {
  const placeholders: Placeholder[] = [];
  const problems: Placeholder[] = [];
  body.split('\n').forEach((line, bodyLine) => {
    for (const m of line.matchAll(PLACEHOLDER)) {
      const name = m[1] ?? '';
      (NAME_RE.test(name) ? placeholders : problems).push({ name, bodyLine });
    }
    const stripped = line.replace(PLACEHOLDER, '');
    const open = stripped.indexOf('{{');
    const close = stripped.indexOf('}}');
    const at = open >= 0 ? open : close;
    if (at >= 0) problems.push({ name: stripped.slice(at, at + 24).trim(), bodyLine });
  });
  return { placeholders, problems };
}

export function knownVariables(template: Pick<StatementTemplate, 'variables'>): string[] {
  return [...BUILTIN_VARIABLES.map((v) => v.name), ...template.variables.map((v) => v.name)];
}

function where(template: StatementTemplate, lang: Lang, bodyLine: number): string {
  const first = template.bodyLine[lang];
  return first === null ? `${template.file} (body.${lang})` : `${template.file}:${first + bodyLine}`;
}

export interface RenderedStatement {
  templateId: string;
  lang: Lang;
  title: string;
  text: string;
  length: number;
  maxLength: number | null;
  /** The text is longer than the template's max_length (a reply on X, a store answer…). */
  overLimit: boolean;
}

/**
 * Fills a template's body in one language. A placeholder the template does not know is an
 * `unknown_template_variable` error; a known one without a value is `missing_template_value`
 * (naming every missing one at once). Values are inserted as they are, never re-scanned.
 */
export function renderTemplate(
  template: StatementTemplate,
  lang: Lang,
  values: Record<string, string | null | undefined>,
): RenderedStatement {
  const body = template.body[lang];
  const known = new Set(knownVariables(template));
  const { placeholders, problems } = scanPlaceholders(body);
  const bad = problems[0];
  if (bad) {
    throw new VigieError(
      'bad_template',
      `${where(template, lang, bad.bodyLine)}: malformed placeholder "${bad.name}" in body.${lang}; write {{variable_name}}.`,
    );
  }
  const unknown = placeholders.find((p) => !known.has(p.name));
  if (unknown) {
    throw new VigieError(
      'unknown_template_variable',
      `${where(template, lang, unknown.bodyLine)}: unknown variable {{${unknown.name}}} in template "${template.id}" (body.${lang}). ` +
        `Known: ${[...known].join(', ')}. Declare it under "variables:" or fix its name.`,
    );
  }
  const missing = [...new Set(placeholders.map((p) => p.name))].filter((n) => {
    const v = values[n];
    return v === undefined || v === null || v.trim() === '';
  });
  if (missing.length > 0) {
    throw new VigieError(
      'missing_template_value',
      `Template "${template.id}" (${lang}) needs a value for ${missing.map((n) => `{{${n}}}`).join(', ')}.`,
    );
  }
  const text = body.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '').trimEnd();
  const length = [...text].length;
  return {
    templateId: template.id,
    lang,
    title: template.title[lang],
    text,
    length,
    maxLength: template.maxLength,
    overLimit: template.maxLength !== null && length > template.maxLength,
  };
}

/** "14 h 30" in French (typographie de l'Imprimerie nationale), "14:30" in English. */
export function formatTime(at: number, lang: Lang, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).formatToParts(new Date(at));
  const h = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const m = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return lang === 'fr' ? `${h} h ${m}` : `${h}:${m}`;
}

export function formatDate(at: number, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(at));
}
