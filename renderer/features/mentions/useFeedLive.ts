import { useEffect } from 'react';
import { api } from '../../api';
import { throttle } from '../../lib/throttle';
import { useWarroomStore } from '../warroom/store';
import { useFeedStore } from './store';

/**
 * Twice a second: with the core's 250 ms batching of `mentions.added`, a new mention is on screen
 * within about 750 ms (a page of new rows costs under a millisecond to fetch at 1M).
 */
const NEW_MENTIONS_INTERVAL_MS = 500;

/** First page on mount; then new mentions at most twice a second while `mentions.added` fires. */
export function useFeedLive(): void {
  useEffect(() => {
    const feed = useFeedStore.getState();
    void feed.reload();
    const fetchNew = throttle(() => void useFeedStore.getState().fetchNew(), NEW_MENTIONS_INTERVAL_MS);
    const offAdded = api.on('mentions.added', fetchNew);
    // Events were lost while disconnected: catch up once the link is back.
    const offConnection = useWarroomStore.subscribe((state, prev) => {
      if (state.connection === 'online' && prev.connection === 'offline') fetchNew();
    });
    return () => {
      offAdded();
      offConnection();
      fetchNew.cancel();
    };
  }, []);
}
