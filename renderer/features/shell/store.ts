import { create } from 'zustand';
import { DEFAULT_SCREEN, SCREENS } from './screens';

/** The screen named by the URL hash (#/sources); the war-room when the hash names none. */
function screenFromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return SCREENS.some((s) => s.id === id) ? id : DEFAULT_SCREEN;
}

interface ShellState {
  screen: string;
  go(screen: string): void;
}

/** The active screen lives in the URL hash: a reload stays on it and Back returns to the last one. */
export const useShellStore = create<ShellState>()((set) => ({
  screen: screenFromHash(),
  go: (screen) => {
    if (screen === screenFromHash()) return;
    window.location.hash = `/${screen}`;
    set({ screen });
  },
}));

window.addEventListener('hashchange', () => useShellStore.setState({ screen: screenFromHash() }));
