// A member's card on the team board (timer, load, exposure, TLX), built from facts the cell gathered.
import type { MemberView } from '../../../shared/team-model';
import type { Exposure, LoadConfig, TeamRole } from './load-config';
import { exposureUnits, loadScore } from './load-score';
import type { Member } from './members-repo';
import type { TimerState } from './rest-timer-state';
import { view } from './rest-timer-view';
import { tlxPromptDue, type TlxReport } from './tlx-self-report';

export interface MemberFacts {
  member: Member;
  now: number;
  /** The member's rest-timer state. */
  state: TimerState;
  config: LoadConfig;
  /** Exposures since the start of the load window. */
  exposures: Exposure[];
  tlx: TlxReport | null;
  role: TeamRole | null;
}

export function composeMemberView(facts: MemberFacts): MemberView {
  const { member: m, now, state, config, exposures, tlx, role } = facts;
  const t = view(state, now);
  const load = loadScore(
    {
      now,
      role,
      onDutyMs: t.onDutyMs,
      sinceRealBreakMs: t.sinceRealBreakMs,
      exposures,
      tlx,
    },
    config,
  );
  const expo = exposureUnits(exposures, now, config);
  const onDuty = state.phase !== 'off_duty';
  const prompt = m.isLocal
    ? tlxPromptDue({
        now,
        onDuty,
        onDutyMs: t.onDutyMs,
        lastPromptedAt: m.tlxLastPromptedAt,
        lastReportAt: tlx?.at ?? null,
      }).prompt
    : false;
  const inWindow = exposures.filter((e) => now - e.at <= config.exposure.windowMs && e.at <= now);
  return {
    id: m.id,
    displayName: m.displayName,
    signature: m.signature,
    usualRole: m.usualRole,
    role,
    services: m.services,
    isLocal: m.isLocal,
    onDuty,
    dutySince: onDuty ? (state.stint.startedAt ?? null) : null,
    timer: t,
    load,
    exposure: {
      opened: inWindow.filter((e) => e.action === 'opened').length,
      handled: inWindow.filter((e) => e.action === 'handled').length,
      targetedToxic: expo.targetedToxic,
      units: Math.round(expo.units * 100) / 100,
    },
    tlx: tlx
      ? {
          at: tlx.at,
          raw:
            Math.round(
              ((tlx.mental + tlx.physical + tlx.temporal + tlx.performance + tlx.effort + tlx.frustration) /
                6) *
                10,
            ) / 10,
        }
      : null,
    tlxPromptDue: prompt,
  };
}
