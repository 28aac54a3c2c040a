// The team room inside the core: members and their rest timers, exposure, load score, TLX
// self-reports and handoff notes. The contract handlers (features/team.ts) and the worker's tick call
// in here; the state machines and formulas live in rest-timer.ts and load-score.ts, the settings in
// cell-settings.ts, the reads of crisis tables in cell-crisis.ts and the member card in member-view.ts.
import type { Database } from 'better-sqlite3';
import type { MemberView, TeamBoard, TimerConfigView, TimerSettings } from '../../../shared/team-model';
import { localActor } from '../actor';
import { VigieError } from '../errors';
import { focusedIncident, handoffCrisisItems, roleOn } from './cell-crisis';
import {
  configView,
  DEMO_SEEDED_KEY,
  metaGet,
  metaSet,
  readLoadConfig,
  readTimerConfig,
  TIMER_CONFIG_KEY,
} from './cell-settings';
import { DEMO_CELL } from './demo-cell';
import { ExposuresRepo, type Person } from './exposures';
import { handoffNotes } from './handoff-note';
import type { LoadConfig, TeamRole } from './load-config';
import { composeMemberView } from './member-view';
import { MembersRepo, type Member, type MemberInput } from './members-repo';
import { ProtectionRepo } from './protection-repo';
import { restTimerConfigSchema, type BreakKind, type RestTimerConfig } from './rest-timer-config';
import type { TimerEvent } from './rest-timer-state';
import { view } from './rest-timer-view';
import { TimersRepo, type StoredTimer } from './timers-repo';
import { TlxReportsRepo } from './tlx-reports-repo';
import type { TlxReport } from './tlx-self-report';

export { LOAD_CONFIG_KEY, TIMER_CONFIG_KEY } from './cell-settings';

const REFUSALS: Record<string, string> = {
  not_on_duty: 'This member is not on duty.',
  already_on_duty: 'This member is already on duty.',
  on_break: 'This member is on a break.',
  not_on_break: 'This member is not on a break.',
  strict_mode: 'Strict mode: breaks cannot be postponed or skipped.',
  imposed_break: 'The lead imposed this break: it cannot be postponed or skipped.',
  not_due: 'No break is due yet.',
  no_postpones_left: 'No postpone left for this break.',
  break_disabled: 'This kind of break is turned off for the cell.',
  invalid_event: 'Invalid timer action.',
};

export class TeamCell {
  readonly members: MembersRepo;
  readonly timers: TimersRepo;
  readonly exposures: ExposuresRepo;
  readonly protection: ProtectionRepo;
  private readonly tlxReports: TlxReportsRepo;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.members = new MembersRepo(db);
    this.timers = new TimersRepo(db);
    this.exposures = new ExposuresRepo(db);
    this.protection = new ProtectionRepo(db);
    this.tlxReports = new TlxReportsRepo(db);
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration

  timerConfig(): RestTimerConfig {
    return readTimerConfig(this.db);
  }

  loadConfig(): LoadConfig {
    return readLoadConfig(this.db);
  }

  /** Merges the settings over the cell's configuration and applies it to every timer. */
  setTimerConfig(settings: TimerSettings): TimerConfigView {
    const current = this.timerConfig();
    const config = restTimerConfigSchema.parse({
      ...current,
      ...settings,
      micro: { ...current.micro, ...settings.micro },
      rest: { ...current.rest, ...settings.rest },
    });
    const at = this.now();
    const by = localActor(this.db);
    this.db.transaction(() => {
      metaSet(this.db, TIMER_CONFIG_KEY, JSON.stringify(config));
      for (const m of this.members.list()) {
        const stored = this.timers.getOrCreate(m.id, config, at);
        this.timers.apply(m.id, stored, { type: 'configure', at, config, by }, this.shiftContext(m));
      }
    })();
    return configView(config);
  }

  // ---------------------------------------------------------------------------------------------
  // Members

  saveMember(input: MemberInput): MemberView {
    const m = this.members.save(input, this.now());
    this.timers.getOrCreate(m.id, this.timerConfig(), this.now());
    return this.memberView(m, this.now());
  }

  /** Off duty first: the open shift is closed, the history stays. */
  removeMember(id: string): boolean {
    const m = this.members.get(id);
    if (!m || !m.active) return false;
    const stored = this.timers.get(id);
    if (stored && stored.state.phase !== 'off_duty')
      this.timers.apply(id, stored, { type: 'end_duty', at: this.now() }, this.shiftContext(m));
    return this.members.remove(id, this.now());
  }

  setDuty(memberId: string, onDuty: boolean): MemberView {
    const m = this.members.require(memberId);
    this.applyTimer(m, { type: onDuty ? 'start_duty' : 'end_duty', at: this.now() });
    return this.memberView(m, this.now());
  }

  breakAction(
    memberId: string,
    action: 'start' | 'end' | 'postpone' | 'skip' | 'impose' | 'release',
    options: { kind?: BreakKind; strict?: boolean; postponeMs?: number } = {},
  ): MemberView {
    const m = this.members.require(memberId);
    const at = this.now();
    const by = localActor(this.db);
    const event: TimerEvent =
      action === 'start'
        ? { type: 'start_break', at, kind: options.kind }
        : action === 'end'
          ? { type: 'end_break', at }
          : action === 'postpone'
            ? { type: 'postpone', at, ms: options.postponeMs }
            : action === 'skip'
              ? { type: 'skip', at }
              : action === 'impose'
                ? { type: 'lead_impose', at, by, breakKind: options.kind ?? 'rest', strict: options.strict }
                : { type: 'lead_impose', at, by, strict: false };
    this.applyTimer(m, event);
    return this.memberView(m, at);
  }

  /** Input activity of the local user (renderer) or system idle time (Electron's powerMonitor). */
  activity(idleMs?: number): boolean {
    const m = this.members.local();
    if (!m) return false;
    const stored = this.timers.get(m.id);
    if (!stored || stored.state.phase === 'off_duty') return false;
    const at = this.now();
    const event: TimerEvent =
      idleMs !== undefined && idleMs > 0
        ? { type: 'idle', at, durationMs: idleMs }
        : { type: 'activity', at };
    const before = view(stored.state, at).state;
    const { state } = this.timers.apply(m.id, stored, event, this.shiftContext(m));
    return view(state, at).state !== before;
  }

  private applyTimer(m: Member, event: TimerEvent): void {
    const stored = this.timers.getOrCreate(m.id, this.timerConfig(), this.now());
    const { rejected } = this.timers.apply(m.id, stored, event, this.shiftContext(m));
    if (rejected) {
      throw new VigieError(`break_refused`, REFUSALS[rejected.reason] ?? `Refused: ${rejected.reason}.`);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Exposure and self-report

  /** The local user opened a mention. */
  recordOpened(mentionId: string): boolean {
    const m = this.members.local();
    if (!m) return false;
    return this.exposures.record(
      m,
      mentionId,
      'opened',
      this.now(),
      this.focusedIncident(),
      this.colleaguesOf(m),
    );
  }

  /** Reads the triage rows of the timeline written since last time; members whose exposure grew. */
  deriveExposures(): Set<string> {
    return this.exposures.deriveFromTimeline(this.members.list(), (m) => this.colleaguesOf(m));
  }

  /** Other members and the people under a protection case, for "abuse aimed at a colleague". */
  colleaguesOf(member: Member): Person[] {
    const others: Person[] = this.members
      .list()
      .filter((m) => m.id !== member.id)
      .map((m) => ({ name: m.displayName, handles: [], keywords: [] }));
    const protectedPeople: Person[] = this.protection.open().map((c) => ({
      name: c.person.name,
      handles: c.person.handles,
      keywords: c.person.keywords,
    }));
    return [...others, ...protectedPeople];
  }

  submitTlx(memberId: string | undefined, r: Omit<TlxReport, 'at'>): MemberView {
    const m = memberId ? this.members.require(memberId) : this.requireLocal();
    const at = this.now();
    this.db.transaction(() => {
      this.tlxReports.add(m.id, at, r);
      this.members.markTlxPrompted(m.id, at);
    })();
    return this.memberView(m, at);
  }

  dismissTlx(memberId?: string): void {
    const m = memberId ? this.members.require(memberId) : this.requireLocal();
    this.members.markTlxPrompted(m.id, this.now());
  }

  private requireLocal(): Member {
    const m = this.members.local();
    if (!m) throw new VigieError('no_local_member', 'Say who you are in the team first.');
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // Views

  board(): TeamBoard {
    const now = this.now();
    const members = this.members.list();
    return {
      now,
      localMemberId: members.find((m) => m.isLocal)?.id ?? null,
      members: members.map((m) => this.memberView(m, now)),
      config: configView(this.timerConfig()),
    };
  }

  memberView(m: Member, now: number): MemberView {
    const stored = this.timers.getOrCreate(m.id, this.timerConfig(), now);
    const config = this.loadConfig();
    return composeMemberView({
      member: m,
      now,
      state: stored.state,
      config,
      exposures: this.exposures.list(m.id, now - config.exposure.windowMs),
      tlx: this.tlxReports.last(m.id),
      role: this.roleOf(m),
    });
  }

  /** The role held on the focused incident (crisis roles), else the member's usual role. */
  roleOf(m: Member): TeamRole | null {
    return roleOn(this.db, this.focusedIncident(), m);
  }

  focusedIncident(): string | null {
    return focusedIncident(this.db);
  }

  private shiftContext(m: Member): { incidentId: string | null; role: string | null } {
    return { incidentId: this.focusedIncident(), role: this.roleOf(m) };
  }

  // ---------------------------------------------------------------------------------------------
  // Handoff

  handoff(memberId: string, toMemberId: string | null, notes?: string): { fr: string; en: string } {
    const m = this.members.require(memberId);
    const to = toMemberId ? this.members.require(toMemberId) : null;
    const incidentId = this.focusedIncident();
    const now = this.now();
    const role = this.roleOf(m);
    const { incident, openItems, pendingApprovals } = handoffCrisisItems(this.db, incidentId, m, role);
    const cases = this.protection.open();
    const watchedAccounts = cases.flatMap((c) =>
      c.person.handles.map((h) => ({ platform: h.platform, handle: h.handle, reason: c.person.name })),
    );
    const colleagues = [
      ...this.members
        .list()
        .filter((x) => x.id !== m.id)
        .map((x) => ({ x, v: this.memberView(x, now) }))
        .filter(
          ({ v }) => v.load.band === 'high' || v.load.band === 'critical' || v.timer.state === 'overdue',
        )
        .map(({ x, v }) => ({ name: x.displayName, reason: v.timer.state, band: v.load.band })),
      ...cases.map((c) => ({ name: c.person.name, reason: 'protection', band: null })),
    ];
    return handoffNotes({
      at: now,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      from: m.displayName,
      to: to?.displayName ?? null,
      incident: incident?.title ?? null,
      openItems,
      pendingApprovals,
      watchedAccounts,
      colleagues,
      notes: notes ?? null,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Demo

  /** Seeds the demo cell once, when the demo incident exists and the team is empty. */
  seedDemoIfNeeded(): boolean {
    if (metaGet(this.db, DEMO_SEEDED_KEY)) return false;
    const demo = this.db.prepare(`SELECT 1 FROM incidents WHERE is_demo = 1 LIMIT 1`).get();
    if (!demo) return false;
    if (this.members.count() > 0) {
      metaSet(this.db, DEMO_SEEDED_KEY, 'skipped');
      return false;
    }
    const now = this.now();
    const config = this.timerConfig();
    this.db.transaction(() => {
      for (const d of DEMO_CELL) {
        const m = this.members.save(
          {
            displayName: d.displayName,
            signature: d.signature,
            usualRole: d.usualRole,
            services: d.services,
            isLocal: d.isLocal,
          },
          now,
        );
        const events = d.history(now);
        const stored: StoredTimer = this.timers.getOrCreate(m.id, config, events[0]?.at ?? now);
        for (const e of events) this.timers.apply(m.id, stored, e, this.shiftContext(m));
      }
      metaSet(this.db, DEMO_SEEDED_KEY, String(now));
    })();
    return true;
  }
}
