// The team feature's contract handlers and hooks (see ./feature.ts): members and rest timers, exposure
// and load, TLX self-reports, handoff notes, "go private" protection cases.
import type { teamCalls } from '../../../shared/contract/team';
import type { CoreContext } from '../context';
import { TeamCell } from '../team/cell';
import { ProtectionRoom } from '../team/protection-room';
import { view } from '../team/rest-timer';
import type { Feature } from './feature';

export type TeamCallName = keyof typeof teamCalls;

/** Timers move by the second; the watch of protection cases by the minute. */
const TIMER_EVERY_MS = 1000;
const WATCH_EVERY_MS = 15_000;
const SEED_EVERY_MS = 5000;

export function teamFeature(ctx: CoreContext): Feature<TeamCallName> {
  const cell = new TeamCell(ctx.db, ctx.now);
  const room = new ProtectionRoom(ctx.db, cell.members, ctx.opts.resourcesDir, ctx.now, () =>
    cell.focusedIncident(),
  );
  cell.seedDemoIfNeeded();

  const changed = (memberIds: string[]) => ctx.emit('team.changed', { memberIds });
  const caseChanged = (id: string) => ctx.emit('protection.changed', { id });

  let lastTimers = 0;
  let lastWatch = 0;
  let lastSeed = 0;
  /** Notifications shown at the previous tick: each occurrence is announced once. */
  let shown = new Set<string>();
  const statuses = new Map<string, string>();

  function tickTimers(now: number): void {
    const touched = new Set<string>(cell.deriveExposures());
    const next = new Set<string>();
    for (const m of cell.members.list()) {
      const stored = cell.timers.get(m.id);
      if (!stored) continue;
      const state =
        stored.state.phase === 'off_duty'
          ? stored.state
          : cell.timers.tick(m.id, stored, now, { incidentId: cell.focusedIncident(), role: cell.roleOf(m) });
      const v = view(state, now);
      if (statuses.get(m.id) !== v.state) {
        if (statuses.has(m.id)) touched.add(m.id);
        statuses.set(m.id, v.state);
      }
      for (const n of v.notifications) {
        next.add(n.id);
        if (!shown.has(n.id))
          ctx.emit('team.notification', { ...n, memberId: m.id, memberName: m.displayName });
      }
    }
    shown = next;
    if (touched.size > 0) changed([...touched]);
  }

  return {
    handlers: {
      'team.board': () => cell.board(),
      'team.members.save': (req) => {
        const v = cell.saveMember(req);
        changed([v.id]);
        return v;
      },
      'team.members.remove': ({ id }) => {
        const removed = cell.removeMember(id);
        if (removed) changed([id]);
        return { removed };
      },
      'team.duty': ({ memberId, onDuty }) => {
        const v = cell.setDuty(memberId, onDuty);
        changed([memberId]);
        return v;
      },
      'team.break': ({ memberId, action, kind, strict, postponeMs }) => {
        const v = cell.breakAction(memberId, action, { kind, strict, postponeMs });
        changed([memberId]);
        return v;
      },
      'team.timerConfig.set': (settings) => {
        const config = cell.setTimerConfig(settings);
        changed(cell.members.list().map((m) => m.id));
        return config;
      },
      'team.activity': ({ idleMs }) => {
        const moved = cell.activity(idleMs);
        const local = cell.members.local();
        if (moved && local) changed([local.id]);
        return { ok: true };
      },
      'team.exposure.opened': ({ mentionId }) => {
        const recorded = cell.recordOpened(mentionId);
        const local = cell.members.local();
        if (recorded && local) changed([local.id]);
        return { recorded };
      },
      'team.tlx.submit': ({ memberId, ...sliders }) => {
        const v = cell.submitTlx(memberId, sliders);
        changed([v.id]);
        return v;
      },
      'team.tlx.dismiss': ({ memberId }) => {
        cell.dismissTlx(memberId);
        return { ok: true };
      },
      'team.handoff': ({ memberId, toMemberId, notes }) => cell.handoff(memberId, toMemberId ?? null, notes),

      'protection.suggestions': () => ({ items: room.suggestions() }),
      'protection.list': () => ({ items: room.list() }),
      'protection.open': (req) => {
        const d = room.open(req);
        caseChanged(d.id);
        return d;
      },
      'protection.get': ({ id }) => room.get(id),
      'protection.step': ({ id, stepId, done, force, note }) => {
        const d = room.step(id, stepId, done, force, note);
        caseChanged(id);
        return d;
      },
      'protection.delegate': ({ id, memberId }) => {
        const d = room.delegate(id, memberId);
        caseChanged(id);
        return d;
      },
      'protection.cooldown': ({ id, hours }) => {
        const d = room.cooldown(id, hours);
        caseChanged(id);
        return d;
      },
      'protection.allClear': ({ id, accept, note }) => {
        const d = room.allClear(id, accept, note);
        caseChanged(id);
        return d;
      },
      'protection.close': ({ id, note }) => {
        const d = room.close(id, note);
        caseChanged(id);
        return d;
      },
      'protection.reopen': ({ id, note }) => {
        const d = room.reopen(id, note);
        caseChanged(id);
        return d;
      },
      'protection.evidence.collect': ({ id }) => {
        const r = room.collect(id);
        caseChanged(id);
        return r;
      },
      'protection.dossier': ({ id, format, lang }) => room.dossier(id, format, lang),
    },

    tick(now) {
      if (now - lastSeed >= SEED_EVERY_MS) {
        lastSeed = now;
        if (cell.seedDemoIfNeeded()) changed(cell.members.list().map((m) => m.id));
      }
      if (now - lastTimers >= TIMER_EVERY_MS) {
        lastTimers = now;
        tickTimers(now);
      }
      if (now - lastWatch >= WATCH_EVERY_MS) {
        lastWatch = now;
        for (const id of room.observeAll()) caseChanged(id);
      }
    },
  };
}
