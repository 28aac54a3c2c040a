// The team room inside the core: members and their rest timers, exposure, load score, TLX
// self-reports and handoff notes. The contract handlers (features/team.ts) and the worker's tick call
// in here; the state machines and formulas live in rest-timer.ts and load-score.ts.
import type { Database } from 'better-sqlite3';
import type { MemberView, TeamBoard, TimerConfigView, TimerSettings } from '../../../shared/team-model';
import { localActor } from '../actor';
import { VigieError } from '../errors';
import { DEMO_CELL } from './demo-cell';
import { ExposuresRepo, type Person } from './exposures';
import {
  DEFAULT_LOAD_CONFIG,
  exposureUnits,
  handoffNotes,
  loadScore,
  TEAM_ROLES,
  tlxPromptDue,
  type LoadConfig,
  type TeamRole,
  type TlxReport,
} from './load-score';
import { MembersRepo, type Member, type MemberInput } from './members-repo';
import { ProtectionRepo } from './protection-repo';
import {
  DEFAULT_TIMER_CONFIG,
  restTimerConfigSchema,
  view,
  type BreakKind,
  type RestTimerConfig,
  type TimerEvent,
} from './rest-timer';
import { TimersRepo, type StoredTimer } from './timers-repo';

export const TIMER_CONFIG_KEY = 'team.timer_config';
export const LOAD_CONFIG_KEY = 'team.load_config';
const DEMO_SEEDED_KEY = 'team.demo_seeded';

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

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.members = new MembersRepo(db);
    this.timers = new TimersRepo(db);
    this.exposures = new ExposuresRepo(db);
    this.protection = new ProtectionRepo(db);
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration

  timerConfig(): RestTimerConfig {
    const raw = this.metaGet(TIMER_CONFIG_KEY);
    if (!raw) return DEFAULT_TIMER_CONFIG;
    try {
      return restTimerConfigSchema.parse(JSON.parse(raw));
    } catch {
      return DEFAULT_TIMER_CONFIG;
    }
  }

  loadConfig(): LoadConfig {
    const raw = this.metaGet(LOAD_CONFIG_KEY);
    if (!raw) return DEFAULT_LOAD_CONFIG;
    try {
      const partial = JSON.parse(raw) as Partial<LoadConfig>;
      return { ...DEFAULT_LOAD_CONFIG, ...partial };
    } catch {
      return DEFAULT_LOAD_CONFIG;
    }
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
      this.metaSet(TIMER_CONFIG_KEY, JSON.stringify(config));
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
      this.db
        .prepare(
          `INSERT INTO tlx_reports(member_id, at, mental, physical, temporal, performance, effort, frustration)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(m.id, at, r.mental, r.physical, r.temporal, r.performance, r.effort, r.frustration);
      this.members.markTlxPrompted(m.id, at);
    })();
    return this.memberView(m, at);
  }

  dismissTlx(memberId?: string): void {
    const m = memberId ? this.members.require(memberId) : this.requireLocal();
    this.members.markTlxPrompted(m.id, this.now());
  }

  private lastTlx(memberId: string): TlxReport | null {
    return (
      (this.db
        .prepare(
          `SELECT at, mental, physical, temporal, performance, effort, frustration FROM tlx_reports
           WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT 1`,
        )
        .get(memberId) as TlxReport | undefined) ?? null
    );
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
    const t = view(stored.state, now);
    const config = this.loadConfig();
    const exposures = this.exposures.list(m.id, now - config.exposure.windowMs);
    const tlx = this.lastTlx(m.id);
    const role = this.roleOf(m);
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
    const onDuty = stored.state.phase !== 'off_duty';
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
      dutySince: onDuty ? (stored.state.stint.startedAt ?? null) : null,
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

  /** The role held on the focused incident (crisis roles), else the member's usual role. */
  roleOf(m: Member): TeamRole | null {
    const incident = this.focusedIncident();
    if (incident) {
      try {
        const row = this.db
          .prepare(
            `SELECT role FROM roles WHERE incident_id = ? AND member = ? AND renounced_at IS NULL
             ORDER BY assumed_at DESC LIMIT 1`,
          )
          .get(incident, m.displayName) as { role: string } | undefined;
        if (row && (TEAM_ROLES as readonly string[]).includes(row.role)) return row.role as TeamRole;
      } catch {
        // no crisis roles table in this store
      }
    }
    return m.usualRole;
  }

  focusedIncident(): string | null {
    const id = this.metaGet('focus.incident');
    if (id && this.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(id)) return id;
    const row = this.db
      .prepare(`SELECT id FROM incidents ORDER BY (status = 'closed'), opened_at DESC LIMIT 1`)
      .get() as { id: string } | undefined;
    return row?.id ?? null;
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
    const incident = incidentId
      ? (this.db.prepare('SELECT title FROM incidents WHERE id = ?').get(incidentId) as
          { title: string } | undefined)
      : undefined;
    const role = this.roleOf(m);
    const openItems: { title: string; owner?: string | null; since?: number | null }[] = [];
    const pendingApprovals: { title: string; waitingFor: string; since?: number | null }[] = [];
    if (incidentId) {
      const assigned = this.db
        .prepare(`SELECT count(*) AS n FROM mentions WHERE assignee = ? AND status NOT IN ('handled')`)
        .get(m.displayName) as { n: number };
      if (assigned.n > 0)
        openItems.push({ title: `${assigned.n} mention(s) → ${m.displayName}`, owner: m.displayName });
      try {
        const items = this.db
          .prepare(
            `SELECT title_fr, due_at FROM checklist_items WHERE incident_id = ? AND status = 'todo'
               AND unlocked_at IS NOT NULL AND (owner_role = ? OR owner_role IS NULL) ORDER BY position LIMIT 8`,
          )
          .all(incidentId, role) as { title_fr: string; due_at: number | null }[];
        for (const i of items) openItems.push({ title: i.title_fr, owner: role, since: i.due_at });
        const pending = this.db
          .prepare(
            `SELECT s.title, s.kind, a.approver, a.requested_at FROM statements s
             JOIN statement_approvals a ON a.statement_id = s.id AND a.version = s.version
             WHERE s.incident_id = ? AND s.status = 'pending' AND a.decision = 'pending' LIMIT 8`,
          )
          .all(incidentId) as { title: string; kind: string; approver: string; requested_at: number }[];
        for (const p of pending)
          pendingApprovals.push({ title: p.title || p.kind, waitingFor: p.approver, since: p.requested_at });
      } catch {
        // the crisis tables differ or are absent: the note lists what it can
      }
    }
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
    if (this.metaGet(DEMO_SEEDED_KEY)) return false;
    const demo = this.db.prepare(`SELECT 1 FROM incidents WHERE is_demo = 1 LIMIT 1`).get();
    if (!demo) return false;
    if (this.members.count() > 0) {
      this.metaSet(DEMO_SEEDED_KEY, 'skipped');
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
      this.metaSet(DEMO_SEEDED_KEY, String(now));
    })();
    return true;
  }

  private metaGet(key: string): string | null {
    return (
      (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
        ?.value ?? null
    );
  }

  private metaSet(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}

function configView(c: RestTimerConfig): TimerConfigView {
  return {
    micro: { ...c.micro },
    rest: { ...c.rest },
    maxContinuousDutyMs: c.maxContinuousDutyMs,
    dailyLimitMs: c.dailyLimitMs,
    strict: c.strict,
  };
}
