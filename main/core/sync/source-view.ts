import type { SourceView } from '../../../shared/model';
import type { SourceRow } from '../store/sources-repo';

// Keys that name where a secret lives are fine to show; values that look like secrets are not.
const SECRET_POINTERS = new Set(['tokenEnv', 'tokenFile', 'secretRef']);
const SECRET_KEY = /token|secret|password|passwd|api_?key|bearer|^key$|credential/i;

export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (SECRET_POINTERS.has(k) || !SECRET_KEY.test(k)) out[k] = v;
  }
  return out;
}

function parseOr<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export function toSourceView(row: SourceRow): SourceView {
  const config = parseOr<Record<string, unknown>>(row.config, {});
  const rateLimit = row.rate_limit ? parseOr<SourceView['rateLimit']>(row.rate_limit, null) : null;
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    config: redactConfig(config),
    status: row.status as SourceView['status'],
    lastError: row.last_error,
    lastSuccessAt: row.last_success_at,
    lastRunAt: row.last_run_at,
    lastRunNew: row.last_run_new,
    nextRunAt: row.next_run_at,
    cursor: row.type === 'replay' ? null : row.cursor,
    rateLimit,
  };
}
