// The team board as the core computes it, plus the page's clock offset so countdowns move every
// second between two loads without asking the core.
import { create } from 'zustand';
import type { TeamBoard } from '../../../shared/team-model';
import { api } from '../../api';

export interface Toast {
  id: string;
  memberName: string;
  text: { fr: string; en: string };
  tone: 'info' | 'warn' | 'danger';
}

interface TeamState {
  board: TeamBoard | null;
  /** Page time when `board` arrived: board times + (Date.now() - receivedAt) = now. */
  receivedAt: number;
  error: string | null;
  toasts: Toast[];
  load(): Promise<void>;
  /** Runs a call and reloads the board; errors are shown, never thrown. */
  act(run: () => Promise<unknown>): Promise<boolean>;
  pushToast(toast: Toast): void;
  dismissToast(id: string): void;
  clearError(): void;
}

let loading: Promise<void> | null = null;
const MAX_TOASTS = 2;
/** Warnings fade; an overdue break stays until dismissed. */
const TOAST_MS = 12_000;

export const useTeamStore = create<TeamState>()((set, get) => ({
  board: null,
  receivedAt: 0,
  error: null,
  toasts: [],
  load: () => {
    loading ??= api
      .call('team.board', {})
      .then((board) => set({ board, receivedAt: Date.now() }))
      .catch(() => undefined)
      .finally(() => {
        loading = null;
      });
    return loading;
  },
  act: async (run) => {
    try {
      await run();
      set({ error: null });
      await get().load();
      return true;
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  },
  pushToast: (toast) => {
    if (get().toasts.some((x) => x.id === toast.id)) return;
    // One toast per member (the newest says it all), two at most: they must not hide the screen.
    set((s) => ({
      toasts: [...s.toasts.filter((x) => x.memberName !== toast.memberName), toast].slice(-MAX_TOASTS),
    }));
    if (toast.tone !== 'danger') setTimeout(() => get().dismissToast(toast.id), TOAST_MS);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })),
  clearError: () => set({ error: null }),
}));

/** The core's clock now, as the board last told it (moved by the page's own clock since). */
export function boardNow(board: TeamBoard, receivedAt: number, pageNow: number): number {
  return board.now + Math.max(0, pageNow - receivedAt);
}
