// A file a command was given, read as text, with a sentence for what usually goes wrong instead of
// a raw ENOENT / EISDIR / EACCES.
import fs from 'node:fs';
import { VigieError } from '../core/errors';

export function readTextFile(file: string, code: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOENT'
        ? 'there is no such file'
        : e.code === 'EISDIR'
          ? 'it is a folder, not a file'
          : e.code === 'EACCES' || e.code === 'EPERM'
            ? 'permission denied'
            : e.message;
    throw new VigieError(code, `Cannot read ${file}: ${why}.`);
  }
}
