import { useCallback, useState, type KeyboardEvent } from 'react';
import { announceMentionOpened } from '../../lib/mention-events';
import { useFeedStore } from './store';
import { markSeen, pin, setStatus } from './triage-actions';

export type TriageDialog = null | { kind: 'assign' | 'route'; ids: string[] };

/** Keys of the feed: j/k move, x select, a assign, r route, h handled, e escalate, p pin, / search. */
export function useTriageKeys(scrollTo: (index: number) => void, focusSearch: () => void) {
  const [dialog, setDialog] = useState<TriageDialog>(null);

  const open = useCallback(
    (id: string) => {
      const feed = useFeedStore.getState();
      feed.focus(id);
      const index = feed.items.findIndex((m) => m.id === id);
      if (index >= 0) scrollTo(index);
      announceMentionOpened(id);
      markSeen(id);
    },
    [scrollTo],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog')) return;
      const feed = useFeedStore.getState();
      const key = e.key;
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      switch (key) {
        case 'j':
        case 'k':
          return act(() => {
            const id = feed.moveFocus(key === 'j' ? 1 : -1);
            if (id) open(id);
          });
        case '/':
          return act(focusSearch);
        case 'x':
          return act(() => feed.focusedId && feed.toggleSelected(feed.focusedId));
        case 'a':
          return act(() => {
            const ids = feed.targets();
            if (ids.length) setDialog({ kind: 'assign', ids });
          });
        case 'r':
          return act(() => {
            const ids = feed.targets();
            if (ids.length) setDialog({ kind: 'route', ids });
          });
        case 'h':
          return act(
            () => void setStatus(feed.targets(), 'handled').then((ok) => ok && feed.clearSelection()),
          );
        case 'e':
          return act(
            () => void setStatus(feed.targets(), 'escalated').then((ok) => ok && feed.clearSelection()),
          );
        case 'p':
          return act(() => feed.focusedId && void pin(feed.focusedId));
        case 'Escape':
          return act(() => feed.clearSelection());
        default:
          return;
      }
    },
    [open, focusSearch],
  );

  return { onKeyDown, dialog, closeDialog: () => setDialog(null), open, setDialog };
}
