// File import over the contract: the file comes in base64 chunks (same path for Electron and browser),
// lands in a private temp file, then goes through the one importer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext, HandlerGroup } from '../context';
import { VigieError } from '../errors';
import { importFile } from '../sync/file-import';

interface Upload {
  name: string;
  size: number;
  format: string;
  file: string;
  received: number;
  nextIndex: number;
}

export function importHandlers(
  ctx: CoreContext,
): HandlerGroup<'import.begin' | 'import.chunk' | 'import.commit'> {
  const uploads = new Map<string, Upload>();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-uploads-'));
  const get = (id: string) => {
    const u = uploads.get(id);
    if (!u) throw new VigieError('not_found', 'This upload is unknown or finished; start again.');
    return u;
  };

  return {
    'import.begin': ({ name, size, format }) => {
      const uploadId = crypto.randomUUID();
      const file = path.join(dir, uploadId);
      fs.writeFileSync(file, '', { mode: 0o600 });
      uploads.set(uploadId, { name: path.basename(name), size, format, file, received: 0, nextIndex: 0 });
      return { uploadId };
    },
    'import.chunk': ({ uploadId, index, data }) => {
      const u = get(uploadId);
      if (index !== u.nextIndex)
        throw new VigieError('bad_request', `Expected chunk ${u.nextIndex}, got ${index}.`);
      const bytes = Buffer.from(data, 'base64');
      if (u.received + bytes.length > u.size)
        throw new VigieError('bad_request', 'More data than the announced size.');
      fs.appendFileSync(u.file, bytes);
      u.received += bytes.length;
      u.nextIndex++;
      return { received: u.received };
    },
    'import.commit': async ({ uploadId }) => {
      const u = get(uploadId);
      uploads.delete(uploadId);
      try {
        if (u.received !== u.size)
          throw new VigieError('bad_request', `${u.name}: the upload is incomplete.`);
        // The importer names the file in its messages: give it the user's file name.
        const named = path.join(dir, `${uploadId}-${u.name}`);
        fs.renameSync(u.file, named);
        u.file = named;
        const report = await importFile(named, u.format, {
          ingestor: ctx.ingestor,
          now: ctx.now,
          onProgress: (p) => ctx.emit('import.progress', { ...p, file: u.name }),
        });
        return { ...report, file: u.name };
      } finally {
        fs.rmSync(u.file, { force: true });
      }
    },
  };
}
