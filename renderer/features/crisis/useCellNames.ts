import { useEffect, useMemo } from 'react';
import { useTeamStore } from '../team/store';
import { useCrisisStore } from './store';

/** The cell's people by name: team members, then whoever holds a role, then the local member. */
export function useCellNames(): string[] {
  const board = useTeamStore((s) => s.board);
  const load = useTeamStore((s) => s.load);
  const roles = useCrisisStore((s) => s.state?.roles);
  const local = useCrisisStore((s) => s.state?.localActor);
  useEffect(() => {
    if (!board) void load();
  }, [board, load]);
  return useMemo(() => {
    const names = [
      ...(board?.members ?? []).map((m) => m.displayName),
      ...(roles ?? []).map((r) => r.member),
      ...(local ? [local] : []),
    ];
    const seen = new Set<string>();
    return names.filter((n) => {
      const key = n.trim().toLocaleLowerCase();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [board, roles, local]);
}
