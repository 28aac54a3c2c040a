// A watched drop folder: files that appear are imported, then moved to imported/ (or failed/, with a
// note saying why), so the folder always shows what is left to do.
import chokidar, { type FSWatcher } from 'chokidar';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from './file-import';

export interface DropFolderOptions {
  folder: string;
  importOne: (file: string) => Promise<ImportReport>;
  onImported?: (report: ImportReport) => void;
  onFailed?: (file: string, message: string) => void;
  /** Polling helps on network shares and in containers; off by default. */
  usePolling?: boolean;
}

export const IMPORTED_DIR = 'imported';
export const FAILED_DIR = 'failed';

export class DropFolder {
  private watcher: FSWatcher | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly opts: DropFolderOptions) {}

  async start(): Promise<void> {
    const { folder } = this.opts;
    for (const dir of [folder, path.join(folder, IMPORTED_DIR), path.join(folder, FAILED_DIR)]) {
      fs.mkdirSync(dir, { recursive: true });
    }
    this.watcher = chokidar.watch(folder, {
      depth: 0,
      ignoreInitial: false,
      usePolling: this.opts.usePolling ?? false,
      interval: 200,
      // A file being copied in is imported only once it stops growing.
      awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
      ignored: (p: string) => {
        const base = path.basename(p);
        return (
          base.startsWith('.') || base.endsWith('.reason.txt') || base === IMPORTED_DIR || base === FAILED_DIR
        );
      },
    });
    this.watcher.on('add', (file) => {
      // One import at a time: the store takes batches in order.
      this.queue = this.queue.then(() => this.handle(file));
    });
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
  }

  private async handle(file: string): Promise<void> {
    if (!fs.existsSync(file) || path.dirname(file) !== path.resolve(this.opts.folder)) return;
    try {
      const report = await this.opts.importOne(file);
      moveInto(file, path.join(this.opts.folder, IMPORTED_DIR));
      this.opts.onImported?.(report);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const moved = moveInto(file, path.join(this.opts.folder, FAILED_DIR));
      fs.writeFileSync(`${moved}.reason.txt`, `${message}\n`);
      this.opts.onFailed?.(file, message);
    }
  }

  /** Resolves when every file seen so far has been handled (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  async stop(): Promise<void> {
    await this.watcher?.close();
    await this.queue;
  }
}

/** Moves without overwriting: a second file with the same name gets a time suffix. */
function moveInto(file: string, dir: string): string {
  let target = path.join(dir, path.basename(file));
  if (fs.existsSync(target)) {
    const ext = path.extname(file);
    target = path.join(dir, `${path.basename(file, ext)}-${Date.now()}${ext}`);
  }
  fs.renameSync(file, target);
  return target;
}
