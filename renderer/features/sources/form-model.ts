// The Sources form's logic, free of React: values from a stored source, client-side checks, and the
// config sent to `sources.save`.
import type { SourceView } from '../../../shared/model';
import {
  BACKFILL_FIELD,
  INTERVAL_FIELD,
  POINTER_FIELDS,
  URL_PATTERN,
  type FieldSpec,
  type ModeSpec,
  type SourceTypeSpec,
} from './source-types';

export interface FormValues {
  type: string;
  name: string;
  /** The active mode's id; null for types without modes. */
  mode: string | null;
  /** Raw text of every field, by config key (modes sharing a key share its value). */
  fields: Record<string, string>;
}

/** An i18n key and its parameters. */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

/** Problems by field: `name`, `secret`, or a config key. */
export type FormErrors = Record<string, Problem>;

const NAME_MAX = 120;

function allFields(spec: SourceTypeSpec): FieldSpec[] {
  return [
    ...(spec.modes ?? []).flatMap((m) => m.fields),
    ...spec.fields,
    INTERVAL_FIELD,
    ...(spec.backfill ? [BACKFILL_FIELD] : []),
    ...POINTER_FIELDS,
  ];
}

/** Every config key the form owns for this type (other keys, such as `secretRef`, are kept as they are). */
function ownedKeys(spec: SourceTypeSpec): Set<string> {
  const keys = new Set(allFields(spec).map((f) => f.key));
  for (const m of spec.modes ?? []) for (const k of Object.keys(m.fixed ?? {})) keys.add(k);
  return keys;
}

export function modeOf(spec: SourceTypeSpec, id: string | null): ModeSpec | null {
  return spec.modes?.find((m) => m.id === id) ?? null;
}

/** The fields on screen for this mode: what to follow, then the type's own settings. */
export function visibleFields(spec: SourceTypeSpec, mode: string | null): FieldSpec[] {
  return [...(modeOf(spec, mode)?.fields ?? []), ...spec.fields];
}

/** The fields under "Advanced settings". */
export function advancedFields(spec: SourceTypeSpec): FieldSpec[] {
  return [...(spec.backfill ? [BACKFILL_FIELD] : []), ...POINTER_FIELDS];
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== false;

/** The mode a stored config is in: the first whose fixed values match and whose required fields are set. */
export function detectMode(spec: SourceTypeSpec, config: Record<string, unknown>): string | null {
  const modes = spec.modes ?? [];
  if (modes.length === 0) return null;
  const fitting = modes.filter(
    (m) =>
      Object.entries(m.fixed ?? {}).every(([k, v]) => config[k] === v) &&
      m.fields.every((f) => !f.required || present(config[f.key])),
  );
  // The most specific first: a mode that sets fixed values or needs more fields.
  fitting.sort(
    (a, b) =>
      Object.keys(b.fixed ?? {}).length - Object.keys(a.fixed ?? {}).length ||
      b.fields.filter((f) => f.required).length - a.fields.filter((f) => f.required).length,
  );
  return (fitting[0] ?? modes[0]!).id;
}

export function initialValues(spec: SourceTypeSpec, source?: SourceView): FormValues {
  const config = source?.config ?? {};
  const fields: Record<string, string> = {};
  for (const f of allFields(spec)) {
    const v = config[f.key];
    fields[f.key] = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  }
  return {
    type: spec.type,
    name: source?.name ?? '',
    mode: source ? detectMode(spec, config) : (spec.modes?.[0]?.id ?? null),
    fields,
  };
}

function checkField(f: FieldSpec, raw: string): Problem | null {
  const value = raw.trim();
  if (!value) return f.required ? { key: 'sources.errors.required' } : null;
  if (f.maxLength !== undefined && value.length > f.maxLength)
    return { key: 'sources.errors.tooLong', params: { max: f.maxLength } };
  if (f.kind === 'url') {
    let ok = URL_PATTERN.test(value);
    try {
      new URL(value);
    } catch {
      ok = false;
    }
    if (!ok) return { key: 'sources.errors.url' };
  }
  if (f.kind === 'integer') {
    if (!/^-?\d+$/.test(value)) return { key: 'sources.errors.integer' };
    const n = Number(value);
    if (f.min !== undefined && n < f.min) return { key: 'sources.errors.min', params: { min: f.min } };
    if (f.max !== undefined && n > f.max) return { key: 'sources.errors.max', params: { max: f.max } };
  }
  if (f.pattern && !f.pattern.test(value)) return { key: f.patternError ?? 'sources.errors.format' };
  return null;
}

export interface SecretState {
  /** A token was typed in the form (sent with setSecret after the save). */
  typed: boolean;
  /** The stored config already points at a secret (vault, env variable or file). */
  stored: boolean;
}

export function validate(spec: SourceTypeSpec, values: FormValues, secret: SecretState): FormErrors {
  const errors: FormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = { key: 'sources.errors.required' };
  else if (name.length > NAME_MAX) errors.name = { key: 'sources.errors.tooLong', params: { max: NAME_MAX } };
  for (const f of [...visibleFields(spec, values.mode), INTERVAL_FIELD, ...advancedFields(spec)]) {
    const problem = checkField(f, values.fields[f.key] ?? '');
    if (problem) errors[f.key] = problem;
  }
  const pointer = POINTER_FIELDS.some((f) => (values.fields[f.key] ?? '').trim() !== '');
  if (spec.secret === 'required' && !secret.typed && !secret.stored && !pointer)
    errors.secret = { key: 'sources.errors.tokenRequired' };
  return errors;
}

/**
 * The config to save: the stored one (keeps `secretRef` and keys this form does not know), minus every
 * key the form owns, plus the active mode's values. Emptied fields are left out.
 */
export function buildConfig(
  spec: SourceTypeSpec,
  values: FormValues,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const owned = ownedKeys(spec);
  const config: Record<string, unknown> = Object.fromEntries(
    Object.entries(base).filter(([k]) => !owned.has(k)),
  );
  for (const f of [...visibleFields(spec, values.mode), INTERVAL_FIELD, ...advancedFields(spec)]) {
    const value = (values.fields[f.key] ?? '').trim();
    if (value) config[f.key] = f.kind === 'integer' ? Number(value) : value;
  }
  Object.assign(config, modeOf(spec, values.mode)?.fixed ?? {});
  return config;
}

/** Whether a stored config names a secret, and where. */
export function secretOf(config: Record<string, unknown>): {
  kind: 'vault' | 'env' | 'file' | null;
  name: string;
} {
  if (typeof config.tokenEnv === 'string' && config.tokenEnv) return { kind: 'env', name: config.tokenEnv };
  if (typeof config.tokenFile === 'string' && config.tokenFile)
    return { kind: 'file', name: config.tokenFile };
  if (typeof config.secretRef === 'string' && config.secretRef) return { kind: 'vault', name: '' };
  return { kind: null, name: '' };
}

/** A new, readable and unique source id: `mastodon-ondaline-k3f9`. */
export function newSourceId(type: string, name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  for (;;) {
    const suffix = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
    const id = [type.slice(0, 20), slug, suffix].filter(Boolean).join('-');
    if (!taken.has(id)) return id;
  }
}

/**
 * A `bad_config` message from the core reads `path: reason` (e.g. `baseUrl: Invalid URL`): the field it
 * names, when the form shows that field.
 */
export function fieldOfServerError(message: string, visible: readonly string[]): string | null {
  const match = /^([\w.]+):\s/.exec(message);
  const key = match?.[1]?.split('.')[0];
  return key && visible.includes(key) ? key : null;
}

/**
 * What a source follows, for its card: what kind of thing (the i18n key of a field label, or of the mode
 * when the mode has no field), its value, and the server's host.
 */
export function describeTarget(
  spec: SourceTypeSpec,
  config: Record<string, unknown>,
): { label: string | null; value: string; host: string } {
  const mode = detectMode(spec, config);
  const first =
    modeOf(spec, mode)?.fields[0] ?? (spec.modes ? undefined : spec.fields.find((f) => f.key !== 'baseUrl'));
  const label = first
    ? (first.label ?? `sources.fields.${first.key}`)
    : mode
      ? `sources.modes.${spec.type}.${mode}`
      : null;
  const fields = [...(modeOf(spec, mode)?.fields ?? []), ...spec.fields.filter((f) => f.key !== 'baseUrl')];
  const value = fields
    .map((f) => config[f.key])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String)
    .join(' · ');
  let host = '';
  const url = typeof config.baseUrl === 'string' ? config.baseUrl : '';
  if (url) {
    try {
      host = new URL(url).host;
    } catch {
      host = url;
    }
  }
  return { label, value, host };
}
