// Loose SQLite row values read as strings, numbers and JSON, with safe fallbacks for bad data.
export const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
export const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function jsonArray(v: unknown): unknown[] {
  try {
    const parsed = JSON.parse(str(v) || '[]') as unknown;
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function parseData(v: unknown): Record<string, unknown> {
  try {
    const d = JSON.parse(str(v) || '{}') as unknown;
    return d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
