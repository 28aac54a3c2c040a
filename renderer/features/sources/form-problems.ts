// Which problems the Sources form shows, and on which field: its own checks before a call, and the
// core's refusals after one.
import { ApiError } from '../../api';
import {
  advancedFields,
  fieldOfServerError,
  validate,
  visibleFields,
  type FormErrors,
  type FormValues,
  type Problem,
  type SecretState,
} from './form-model';
import { INTERVAL_FIELD, type SourceTypeSpec } from './source-types';

/** A refusal from the core: on a field when its message names one on screen, else for the whole form. */
export type ServerProblem = { field: string | null; key: string; message: string };

/** What a field shows: a problem (an i18n key) and, for the core's refusals, its message folded away. */
export type FieldProblem = { problem: Problem | null; detail: string | null };

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The form's own checks: all of them to save; to test, only those of the connection. */
export function formProblems(
  spec: SourceTypeSpec,
  values: FormValues,
  secret: SecretState,
  forTest: boolean,
): FormErrors {
  const found = validate(spec, values, secret);
  if (forTest) {
    delete found.name;
    delete found.secret;
  }
  return found;
}

/** True when one of these fields sits under "Advanced settings", folded by default: it must be opened. */
export function inAdvanced(spec: SourceTypeSpec, keys: readonly string[]): boolean {
  return keys.some((k) => advancedFields(spec).some((a) => a.key === k));
}

/** A failed `sources.save`: a bad config is pinned to the field the core names, if the form shows it. */
export function saveProblem(err: unknown, spec: SourceTypeSpec, values: FormValues): ServerProblem {
  const code = err instanceof ApiError ? err.code : 'internal';
  const message = errorMessage(err);
  const visible = ['name', ...visibleFields(spec, values.mode), INTERVAL_FIELD, ...advancedFields(spec)].map(
    (x) => (typeof x === 'string' ? x : x.key),
  );
  const field = code === 'bad_config' ? fieldOfServerError(message, visible) : null;
  return {
    field,
    key: code === 'bad_config' ? 'sources.form.refused' : 'sources.form.saveFailed',
    message,
  };
}

/** A failed `sources.setSecret`: the source is saved, only its token is not. */
export function secretProblem(err: unknown): ServerProblem {
  return { field: 'secret', key: 'sources.form.secretFailed', message: errorMessage(err) };
}

/** The form's own problem wins over the core's: it is the one the user can fix right away. */
export function problemOf(errors: FormErrors, server: ServerProblem | null, key: string): FieldProblem {
  if (errors[key]) return { problem: errors[key]!, detail: null };
  if (server?.field === key) return { problem: { key: 'sources.form.fieldRefused' }, detail: server.message };
  return { problem: null, detail: null };
}
