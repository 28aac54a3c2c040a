// State of the review screen: which incident, the review being written, the export options and the
// last preview. Talks to the core only through the contract (report.* calls).
import { create } from 'zustand';
import type { Incident } from '../../../shared/model';
import type { ActionItem, ExportOptionsInput, ReportFormat, ReviewEdits } from '../../../shared/report-model';
import { api } from '../../api';

export interface ReviewDraft {
  summary: string;
  wentWell: string;
  wentBadly: string;
  actionItems: ActionItem[];
}

export type ExportChoice = Required<Omit<ExportOptionsInput, 'timeZone'>>;

interface ReportState {
  incidents: Incident[] | null;
  incidentId: string | null;
  draft: ReviewDraft;
  /** The onset kept as saved (the screen does not edit it). */
  onsetAt: number | null;
  dirty: boolean;
  saving: boolean;
  savedAt: number | null;
  options: ExportChoice;
  preview: { text: string; truncated: boolean } | null;
  busy: boolean;
  lastFile: { name: string; size: number } | null;
  error: string | null;
  load(): Promise<void>;
  select(id: string): Promise<void>;
  edit(change: Partial<ReviewDraft>): void;
  save(): Promise<void>;
  setOptions(change: Partial<ExportChoice>): void;
  refreshPreview(): Promise<void>;
  download(): Promise<void>;
}

const EMPTY: ReviewDraft = { summary: '', wentWell: '', wentBadly: '', actionItems: [] };
const PREVIEW_MAX = 40_000;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function toEdits(d: ReviewDraft, onsetAt: number | null): ReviewEdits {
  return {
    summary: d.summary.trim(),
    wentWell: lines(d.wentWell),
    wentBadly: lines(d.wentBadly),
    actionItems: d.actionItems
      .filter((a) => a.text.trim())
      .map((a) => ({ text: a.text.trim(), owner: a.owner.trim(), due: a.due || null })),
    onsetAt,
  };
}

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Web mode and Electron alike: the file's bytes become a Blob the browser saves. */
function saveBytes(bytes: Uint8Array, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export const useReportStore = create<ReportState>()((set, get) => {
  const exportWith = (format: ReportFormat) => {
    const { incidentId, options } = get();
    if (!incidentId) throw new Error('no incident');
    return api.call('report.export', { incidentId, options: { ...options, format } });
  };
  return {
    incidents: null,
    incidentId: null,
    draft: EMPTY,
    onsetAt: null,
    dirty: false,
    saving: false,
    savedAt: null,
    options: {
      format: 'md',
      lang: 'fr',
      pseudonymize: false,
      includePrivate: false,
      delimiter: ';',
      csvTable: 'mentions',
    },
    preview: null,
    busy: false,
    lastFile: null,
    error: null,
    async load() {
      try {
        const { items, focusId } = await api.call('incidents.list', {});
        set({ incidents: items });
        const current = get().incidentId;
        const pick = items.find((i) => i.id === current) ?? items.find((i) => i.id === focusId) ?? items[0];
        if (pick && pick.id !== current) await get().select(pick.id);
      } catch (err) {
        set({ error: message(err), incidents: get().incidents ?? [] });
      }
    },
    async select(id) {
      set({ incidentId: id, preview: null, lastFile: null, error: null });
      try {
        const r = await api.call('report.review.get', { incidentId: id });
        set({
          draft: {
            summary: r.summary,
            wentWell: r.wentWell.join('\n'),
            wentBadly: r.wentBadly.join('\n'),
            actionItems: r.actionItems,
          },
          onsetAt: r.onsetAt,
          dirty: false,
          savedAt: r.updatedAt,
        });
      } catch (err) {
        set({ error: message(err) });
      }
    },
    edit(change) {
      set({ draft: { ...get().draft, ...change }, dirty: true });
    },
    async save() {
      const { incidentId, draft, onsetAt } = get();
      if (!incidentId) return;
      set({ saving: true, error: null });
      try {
        const r = await api.call('report.review.save', { incidentId, review: toEdits(draft, onsetAt) });
        set({ dirty: false, savedAt: r.updatedAt });
      } catch (err) {
        set({ error: message(err) });
      } finally {
        set({ saving: false });
      }
    },
    setOptions(change) {
      set({ options: { ...get().options, ...change }, preview: null });
    },
    async refreshPreview() {
      const { format } = get().options;
      set({ busy: true, error: null });
      try {
        // Documents preview as Markdown (the same content); CSV and JSON as themselves.
        const file = await exportWith(format === 'csv' || format === 'json' ? format : 'md');
        const text = new TextDecoder().decode(decode(file.base64)).replace(/^\ufeff/, '');
        set({ preview: { text: text.slice(0, PREVIEW_MAX), truncated: text.length > PREVIEW_MAX } });
      } catch (err) {
        set({ error: message(err) });
      } finally {
        set({ busy: false });
      }
    },
    async download() {
      set({ busy: true, error: null });
      try {
        const file = await exportWith(get().options.format);
        saveBytes(decode(file.base64), file.filename, file.mime);
        set({ lastFile: { name: file.filename, size: file.size } });
      } catch (err) {
        set({ error: message(err) });
      } finally {
        set({ busy: false });
      }
    },
  };
});
