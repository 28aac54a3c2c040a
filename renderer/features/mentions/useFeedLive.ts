import { useEffect } from 'react';
import { api } from '../../api';
import { throttle } from '../../lib/throttle';
import { useWarroomStore } from '../warroom/store';
import { useFeedStore } from './store';

const NEW_MENTIONS_INTERVAL_MS = 1000;

/** First page on mount; then new mentions at most once a second while `mentions.added` fires. */
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
