import { storageErrorMessage } from './store/storage-errors';

/** How messages name the store when the error does not say which file. */
const STORE_LABEL = 'the Vigie database';

/** An error meant for the user: a stable code and one clear sentence. */
export class VigieError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'VigieError';
  }
}

/**
 * Turns anything thrown into `{ code, message }` without leaking stack traces. A storage failure
 * (full disk, read-only folder) says so in one sentence instead of SQLite's terse words.
 */
export function toContractError(err: unknown): { code: string; message: string } {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    if (typeof code === 'string' && typeof message === 'string' && err instanceof Error) {
      if (!code.startsWith('SQLITE')) return { code, message };
      return { code: 'storage_error', message: storageErrorMessage(err, STORE_LABEL) ?? message };
    }
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
