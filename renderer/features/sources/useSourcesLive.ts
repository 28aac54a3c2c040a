import { useEffect } from 'react';
import { api } from '../../api';
import { throttle } from '../../lib/throttle';
import { useWarroomStore } from '../warroom/store';
import { useQuarantineStore, useSourcesStore } from './store';

const REFRESH_MS = 1000;

/** Loads the sources and the quarantine, and follows the core's events while the screen is shown. */
export function useSourcesLive(): void {
  useEffect(() => {
    const sources = throttle(() => void useSourcesStore.getState().load(), REFRESH_MS);
    const quarantine = throttle(() => void useQuarantineStore.getState().load(), REFRESH_MS);
    void useSourcesStore.getState().load();
    void useQuarantineStore.getState().load();
    const offChanged = api.on('sources.changed', () => {
      sources();
      quarantine(); // a run may have set records aside
    });
    const offAdded = api.on('mentions.added', quarantine);
    // Events were lost while disconnected: catch up once the link is back.
    const offConnection = useWarroomStore.subscribe((state, prev) => {
      if (state.connection === 'online' && prev.connection === 'offline') {
        sources();
        quarantine();
      }
    });
    return () => {
      offChanged();
      offAdded();
      offConnection();
      sources.cancel();
      quarantine.cancel();
    };
  }, []);
}
