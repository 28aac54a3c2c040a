import { useEffect, useState } from 'react';
import { useWarroomStore } from '../warroom/store';
import { useCrisisStore } from './store';

/**
 * The incident's clock, ticking each second: the replay's simulated time for the demo while it plays
 * (the core stamps its actions with it), the machine's time otherwise.
 */
export function useIncidentNow(): number {
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setWall(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const isDemo = useCrisisStore((s) => s.state?.incident.isDemo ?? false);
  const simulated = useWarroomStore((s) =>
    s.replay && s.replay.done < s.replay.total ? s.replay.simulatedNow : null,
  );
  return isDemo && simulated !== null ? simulated : wall;
}
