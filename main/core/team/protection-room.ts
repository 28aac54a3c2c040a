// "Go private" cases behind the contract: open a case from the war-room or an alert, walk its
// playbook, watch the person's mentions against their baseline, decide the all clear, export the
// evidence dossier. The case logic is protection-case.ts; storage is protection-repo.ts.
import type { Database } from 'better-sqlite3';
import type { CaseDetail, CaseSummary, PersonSuggestion } from '../../../shared/team-model';
import { actorFor, localActor } from '../actor';
import { loadScenario } from '../demo/scenario';
import { VigieError } from '../errors';
import { DAY, HOUR, type Lang } from './format';
import type { MembersRepo } from './members-repo';
import { loadProtectionPlaybook } from './playbook';
import {
  caseView,
  closeCase,
  completeStep,
  decideAllClear,
  openCase,
  recordEvidence,
  reopenCase,
  reopenStep,
  restartCooldown,
  setDelegate,
  type PersonKind,
  type ProtectionCase,
} from './protection-case';
import { ProtectionRepo } from './protection-repo';

export interface OpenInput {
  name: string;
  kind: PersonKind;
  handles: { platform: string; handle: string }[];
  keywords?: string[];
  cooldownHours?: number;
  delegateMemberId?: string | null;
  alertId?: number;
}

export class ProtectionRoom {
  readonly repo: ProtectionRepo;

  constructor(
    private readonly db: Database,
    private readonly members: MembersRepo,
    private readonly resourcesDir: string,
    private readonly now: () => number,
    private readonly focusedIncident: () => string | null,
  ) {
    this.repo = new ProtectionRepo(db);
  }

  private actor(): string {
    return localActor(this.db);
  }

  suggestions(): PersonSuggestion[] {
    const open = new Set(this.repo.open().map((c) => c.person.name.toLocaleLowerCase('fr')));
    const out: PersonSuggestion[] = [];
    const demo = this.db.prepare('SELECT 1 FROM incidents WHERE is_demo = 1 LIMIT 1').get();
    if (demo) {
      try {
        const p = loadScenario(this.resourcesDir).meta.targetedPerson;
        if (p)
          out.push({
            name: p.name,
            kind: 'employee',
            role: p.role,
            handles: Object.entries(p.handles).map(([platform, handle]) => ({ platform, handle })),
            source: 'demo',
            alertId: null,
          });
      } catch {
        // a store with the demo incident but without its files: no suggestion from it
      }
    }
    const alerts = this.db
      .prepare(`SELECT id, data FROM timeline_events WHERE kind = 'alert' ORDER BY id DESC LIMIT 200`)
      .all() as { id: number; data: string | null }[];
    for (const a of alerts) {
      for (const name of personsOfAlert(a.data)) {
        if (out.some((s) => s.name.toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr'))) continue;
        out.push({
          name,
          kind: 'other',
          role: null,
          handles: handlesOf(name),
          source: 'alert',
          alertId: a.id,
        });
      }
    }
    return out.filter((s) => !open.has(s.name.toLocaleLowerCase('fr')));
  }

  list(): CaseSummary[] {
    const now = this.now();
    return this.repo.list().map((c) => {
      const v = caseView(c, now);
      return {
        id: c.id,
        personName: c.person.name,
        personKind: c.person.kind,
        status: c.status,
        openedAt: c.openedAt,
        cooldownUntil: c.cooldown.until,
        cooldownMs: c.cooldown.durationMs,
        stepsDone: v.stepsDone,
        stepsTotal: v.stepsTotal,
        lastRatePerHour: c.watch.lastRatePerHour,
        baselinePerHour: c.watch.baseline.perHour,
      };
    });
  }

  open(input: OpenInput): CaseDetail {
    const now = this.now();
    const by = this.actor();
    const name = input.name.trim();
    const already = this.repo
      .open()
      .find((c) => c.person.name.toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr'));
    if (already) throw new VigieError('case_exists', `A protection case is already open for ${name}.`);
    const delegate = input.delegateMemberId ? this.members.require(input.delegateMemberId) : null;
    const person = { name, kind: input.kind, handles: input.handles, keywords: input.keywords ?? [] };
    const c = openCase({
      id: ProtectionRepo.newId(),
      incidentId: this.focusedIncident(),
      person,
      openedAt: now,
      openedBy: by,
      playbook: loadProtectionPlaybook(this.resourcesDir),
      cooldownMs: input.cooldownHours === undefined ? undefined : Math.round(input.cooldownHours * HOUR),
      // The person's normal rate: their mentions over the week before the case.
      baselineCounts: this.repo.minuteCounts(
        { ...person, handles: person.handles.map((h) => ({ ...h })) },
        now - 7 * DAY,
        now,
      ),
      delegate: delegate ? { memberId: delegate.id, name: delegate.displayName } : null,
    });
    this.db.transaction(() => {
      this.repo.save(c);
      // Opened from a person-targeted alert: the timeline links the two.
      if (input.alertId !== undefined && c.incidentId !== null) {
        this.db
          .prepare(
            `INSERT INTO timeline_events(incident_id, at, kind, actor, text, data) VALUES (?, ?, 'protection.from_alert', ?, ?, ?)`,
          )
          .run(c.incidentId, now, by, name, JSON.stringify({ caseId: c.id, alertId: input.alertId }));
      }
    })();
    return this.detail(this.repo.observeCase(c, now).case);
  }

  get(id: string): CaseDetail {
    return this.detail(this.repo.get(id));
  }

  step(id: string, stepId: string, done: boolean, force?: boolean, note?: string): CaseDetail {
    const c = this.repo.get(id);
    const actor = { at: this.now(), by: this.actor(), note: note ?? null };
    const next = done ? completeStep(c, stepId, { ...actor, force }) : reopenStep(c, stepId, actor);
    return this.saved(next);
  }

  delegate(id: string, memberId: string | null): CaseDetail {
    const c = this.repo.get(id);
    const m = memberId ? this.members.require(memberId) : null;
    return this.saved(
      setDelegate(c, m ? { memberId: m.id, name: m.displayName } : null, {
        at: this.now(),
        by: this.actor(),
      }),
    );
  }

  cooldown(id: string, hours: number): CaseDetail {
    const c = this.repo.get(id);
    return this.saved(
      restartCooldown(c, { at: this.now(), by: this.actor(), durationMs: Math.round(hours * HOUR) }),
    );
  }

  allClear(id: string, accept: boolean, note?: string): CaseDetail {
    const c = this.repo.get(id);
    return this.saved(
      decideAllClear(c, accept ? 'accept' : 'reject', {
        at: this.now(),
        by: this.actor(),
        note: note ?? null,
      }),
    );
  }

  close(id: string, note?: string): CaseDetail {
    return this.saved(closeCase(this.repo.get(id), { at: this.now(), by: this.actor(), note: note ?? null }));
  }

  reopen(id: string, note?: string): CaseDetail {
    return this.saved(
      reopenCase(this.repo.get(id), { at: this.now(), by: this.actor(), note: note ?? null }),
    );
  }

  collect(id: string): { added: number; total: number } {
    const c = this.repo.get(id);
    const actor = { at: this.now(), by: this.actor(), note: null };
    const counts = this.repo.collectEvidence(c, actor.by, actor.at);
    // The case log and the incident timeline say it; "preserve evidence" is then done.
    if (counts.added > 0) this.saved(recordEvidence(c, counts, actor));
    return counts;
  }

  dossier(
    id: string,
    format: 'html' | 'csv' | 'json',
    lang: Lang,
  ): { fileName: string; mime: string; content: string; items: number; sha256: string } {
    // An export before any freeze freezes first, through `collect`, so the case log says it too.
    if (this.repo.evidenceCount(id) === 0) this.collect(id);
    return this.repo.dossier(this.repo.get(id), format, lang, actorFor(this.db), this.now());
  }

  /** The watch of every open case, once a minute is enough (the tick throttles). Ids that changed. */
  observeAll(): string[] {
    const now = this.now();
    const changed: string[] = [];
    for (const c of this.repo.open()) {
      if (this.repo.observeCase(c, now).changed) changed.push(c.id);
    }
    return changed;
  }

  private saved(c: ProtectionCase): CaseDetail {
    this.repo.save(c);
    return this.detail(c);
  }

  detail(c: ProtectionCase): CaseDetail {
    const now = this.now();
    const v = caseView(c, now);
    const { hours, matched } = this.repo.hourly(c, now);
    return {
      now,
      id: c.id,
      incidentId: c.incidentId,
      person: c.person,
      status: c.status,
      openedAt: c.openedAt,
      openedBy: c.openedBy,
      closedAt: c.closedAt,
      delegate: c.delegate,
      steps: c.steps,
      followUps: c.followUps.map((f) => ({ dueAt: f.dueAt, doneAt: f.doneAt })),
      cooldown: {
        startedAt: v.cooldown.startedAt,
        until: v.cooldown.until,
        durationMs: v.cooldown.durationMs,
        remainingMs: v.cooldown.remainingMs,
        elapsed: v.cooldown.elapsed,
        progress: v.cooldown.progress,
      },
      watch: {
        baselinePerHour: c.watch.baseline.perHour,
        baselineSource: c.watch.baseline.source,
        lastRatePerHour: c.watch.lastRatePerHour,
        liveRatePerHour:
          (this.repo.mentionsAbout(c.person, now - c.watch.config.rateWindowMs, now + 1).length * HOUR) /
          c.watch.config.rateWindowMs,
        quietForMs: v.quietForMs,
        quietMs: c.watch.config.quietMs,
        allClearEarliestAt: v.allClearEarliestAt,
        suggestedAt: c.watch.suggestedAt,
        relapses: c.watch.relapses,
        hourly: hours,
        matched,
      },
      evidenceCount: this.repo.evidenceCount(c.id),
      events: c.events.slice(-60).map((e) => ({
        seq: e.seq,
        at: e.at,
        kind: e.kind,
        actor: e.actor,
        text_fr: e.text_fr,
        text_en: e.text_en,
      })),
    };
  }
}

/** Names of people a person-targeted alert is about (`person`, `target`, `targets`, `people`). */
export function personsOfAlert(data: string | null): string[] {
  if (!data) return [];
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return [];
  }
  if (d.aimedAt !== undefined && d.aimedAt !== 'person') return [];
  const names: unknown[] = [d.person, d.target, ...(Array.isArray(d.targets) ? d.targets : [])];
  if (Array.isArray(d.people)) names.push(...(d.people as unknown[]));
  return [
    ...new Set(
      names
        .map((n) => (typeof n === 'object' && n && 'name' in n ? (n as { name: unknown }).name : n))
        .filter((n): n is string => typeof n === 'string' && n.trim().length >= 2)
        .map((n) => n.trim()),
    ),
  ];
}

/** A target given as a handle (@name) becomes one handle of unknown platform. */
function handlesOf(name: string): { platform: string; handle: string }[] {
  return name.startsWith('@') ? [{ platform: 'other', handle: name }] : [];
}
