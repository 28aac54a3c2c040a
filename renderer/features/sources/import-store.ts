import { create } from 'zustand';
import type { ImportReportView } from '../../../shared/model';
import { ApiError, api } from '../../api';
import { useQuarantineStore } from './store';

/** The formats the core can be told to use; `auto` lets it recognise the file. */
export const IMPORT_FORMATS = [
  'auto',
  'ndjson',
  'json',
  'csv',
  'mastodon',
  'bluesky',
  'twitter',
  'rss',
  'atom',
  'reddit',
  'youtube',
  'facebook',
] as const;

/**
 * File bytes per `import.chunk`. The contract allows 192 KiB, but in web mode a whole WebSocket message
 * (base64 data plus the envelope) must stay under 256 KiB: 128 KiB of file is 171 KiB of base64.
 */
export const CHUNK_BYTES = 128 * 1024;
export const MAX_FILE_BYTES = 2 * 1024 ** 3;
/** Share of the bar given to sending the file; the rest follows the rows the core has stored. */
const UPLOAD_SHARE = 0.3;
const NAME_MAX = 255;
/** Finished imports kept on screen. */
const RESULTS_KEPT = 6;

export type ImportPhase = 'queued' | 'uploading' | 'processing' | 'done' | 'failed';

export interface ImportJob {
  key: number;
  name: string;
  size: number;
  /** The format asked for (`auto` or a name). */
  format: string;
  phase: ImportPhase;
  /** Bytes sent so far. */
  sent: number;
  /** Rows stored by the core, from `import.progress`. */
  progress: { done: number; total: number; ratePerSecond: number } | null;
  report: ImportReportView | null;
  error: { code: string; message: string } | null;
}

interface ImportState {
  format: string;
  jobs: ImportJob[];
  setFormat(format: string): void;
  add(files: readonly File[]): void;
}

/** The File objects of queued and running jobs, by job key (kept out of the rendered state). */
const files = new Map<number, File>();
let nextKey = 1;
let pumping = false;

export const useImportStore = create<ImportState>()((set, get) => {
  const update = (key: number, change: Partial<ImportJob>) =>
    set((s) => ({ jobs: s.jobs.map((j) => (j.key === key ? { ...j, ...change } : j)) }));

  /** Runs the queued jobs one after the other. */
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        const job = get().jobs.find((j) => j.phase === 'queued');
        if (!job) break;
        await run(job);
        files.delete(job.key);
        trimResults();
      }
    } finally {
      pumping = false;
    }
  };

  const run = async (job: ImportJob) => {
    const file = files.get(job.key);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      update(job.key, { phase: 'failed', error: { code: 'file_too_large', message: '' } });
      return;
    }
    update(job.key, { phase: 'uploading' });
    try {
      const { uploadId } = await api.call('import.begin', {
        name: job.name,
        size: file.size,
        format: job.format,
      });
      for (let index = 0, offset = 0; offset < file.size; index++, offset += CHUNK_BYTES) {
        const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
        const { received } = await api.call('import.chunk', { uploadId, index, data: toBase64(bytes) });
        update(job.key, { sent: received });
      }
      update(job.key, { phase: 'processing', sent: file.size });
      const report = await api.call('import.commit', { uploadId });
      update(job.key, { phase: 'done', report });
    } catch (err) {
      const error =
        err instanceof ApiError
          ? { code: err.code, message: err.message }
          : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
      update(job.key, { phase: 'failed', error });
    } finally {
      void useQuarantineStore.getState().load();
    }
  };

  const trimResults = () =>
    set((s) => {
      const finished = s.jobs.filter((j) => j.phase === 'done' || j.phase === 'failed');
      if (finished.length <= RESULTS_KEPT) return s;
      const drop = new Set(finished.slice(0, finished.length - RESULTS_KEPT).map((j) => j.key));
      return { jobs: s.jobs.filter((j) => !drop.has(j.key)) };
    });

  return {
    format: 'auto',
    jobs: [],
    setFormat: (format) => set({ format }),
    add: (list) => {
      if (list.length === 0) return;
      const format = get().format;
      const added = list.map((file): ImportJob => {
        const key = nextKey++;
        files.set(key, file);
        return {
          key,
          // The contract takes 255 characters; the end (with the extension) is what identifies a file.
          name: file.name.length > NAME_MAX ? file.name.slice(-NAME_MAX) : file.name,
          size: file.size,
          format,
          phase: 'queued',
          sent: 0,
          progress: null,
          report: null,
          error: null,
        };
      });
      set((s) => ({ jobs: [...s.jobs, ...added] }));
      void pump();
    },
  };
});

/** 0–100: sending the file, then storing its rows. */
export function jobPercent(job: ImportJob): number {
  if (job.phase === 'done') return 100;
  if (job.phase === 'queued') return 0;
  const upload = job.size > 0 ? Math.min(1, job.sent / job.size) : 1;
  if (job.phase === 'uploading') return Math.floor(upload * UPLOAD_SHARE * 100);
  const rows = job.progress && job.progress.total > 0 ? job.progress.done / job.progress.total : 0;
  return Math.min(99, Math.floor((UPLOAD_SHARE + (1 - UPLOAD_SHARE) * rows) * 100));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

// Registered at module load: an import keeps going (and reporting) while another screen is shown.
api.on('import.progress', (p) => {
  const job = useImportStore.getState().jobs.find((j) => j.phase === 'processing' && j.name === p.file);
  if (!job) return;
  useImportStore.setState((s) => ({
    jobs: s.jobs.map((j) =>
      j.key === job.key
        ? { ...j, progress: { done: p.done, total: p.total, ratePerSecond: p.ratePerSecond } }
        : j,
    ),
  }));
});
