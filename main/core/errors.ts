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

/** Turns anything thrown into `{ code, message }` without leaking stack traces. */
export function toContractError(err: unknown): { code: string; message: string } {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    if (typeof code === 'string' && typeof message === 'string' && err instanceof Error) {
      return { code: code.startsWith('SQLITE') ? 'storage_error' : code, message };
    }
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
