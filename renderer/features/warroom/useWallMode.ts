import { useCallback, useState } from 'react';

const STORAGE_KEY = 'vigie.warroom.wall';

export interface WallMode {
  on: boolean;
  toggle(): void;
}

/** The wall-screen mode (high contrast, larger type), remembered on this machine. */
export function useWallMode(): WallMode {
  const [on, setOn] = useState(() => localStorage.getItem(STORAGE_KEY) === '1');
  const toggle = useCallback(() => {
    setOn((v) => {
      localStorage.setItem(STORAGE_KEY, v ? '0' : '1');
      return !v;
    });
  }, []);
  return { on, toggle };
}
