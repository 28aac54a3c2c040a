// The team feature behind its contract handlers, on a real SQLite store with a fake clock: demo cell,
// rest timers driven by the tick, exposure derived from triage rows exactly once, load parts,
// protection cases with their timeline events, evidence and dossier.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRequest, type CallRequest, type CallResponse, type EventName } from '../../../shared/contract';
import { createContext, type CoreContext } from '../../../main/core/context';
import { TriageRepo } from '../../../main/core/crisis/triage';
import { teamFeature, type TeamCallName } from '../../../main/core/features/team';
import { openStore } from '../../../main/core/store/open';
import { RESOURCES, tempDir } from '../../helpers/tmp';

const T0 = Date.UTC(2026, 2, 10, 9, 0);
const MIN = 60_000;

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let clock: number;
let events: { name: EventName; payload: unknown }[];
let ctx: CoreContext;
let team: ReturnType<typeof teamFeature>;

/** Goes through the contract's request schema, as the service does. */
function call<K extends TeamCallName>(name: K, req: CallRequest<K>): CallResponse<K> {
  const handler = team.handlers[name] as (r: unknown) => unknown;
  return handler(parseRequest(name, req)) as CallResponse<K>;
}

function advance(ms: number, step = 1000): void {
  const end = clock + ms;
  while (clock < end) {
    clock = Math.min(end, clock + step);
    team.tick?.(clock);
  }
}

beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('team.db'));
  clock = T0;
  events = [];
  db.prepare(
    `INSERT INTO incidents(id, title, opened_at, is_demo) VALUES ('demo', 'Panne Ondaline', ?, 1)`,
  ).run(T0 - 36 * 60 * MIN);
  ctx = createContext(
    db,
    {
      dbPath: tmp.file('team.db'),
      resourcesDir: RESOURCES,
      mode: 'cli',
      version: 'test',
      seedDemo: false,
      vault: { kind: 'memory', secrets: {} },
      now: () => clock,
    },
    (name, payload) => events.push({ name, payload }),
  );
  team = teamFeature(ctx);
});

afterEach(() => {
  team.dispose?.();
  db.close();
  tmp.cleanup();
});

const board = () => call('team.board', {});
const member = (name: string) => {
  const m = board().members.find((x) => x.displayName === name);
  if (!m) throw new Error(`no member ${name}`);
  return m;
};

describe('demo cell', () => {
  it('seeds five members once the demo incident exists, the local one first', () => {
    const b = board();
    expect(b.members.map((m) => m.displayName)).toEqual([
      'Claire Dubois',
      'Karim Benali',
      'Sophie Lefèvre',
      'Thomas Moreau',
      'Inès Garnier',
    ]);
    expect(b.localMemberId).toBe(b.members[0]!.id);
    expect(member('Inès Garnier').onDuty).toBe(false);
    expect(member('Karim Benali').timer.state).toBe('break_due');
    // The actor of every action on the timeline is now the local member.
    expect(db.prepare('SELECT count(*) AS n FROM shifts WHERE ended_at IS NULL').get()).toEqual({ n: 4 });
    // Never twice, even after the members were removed.
    teamFeature(ctx);
    expect(board().members).toHaveLength(5);
  });
});

describe('rest timers', () => {
  it('a break becomes due on the configured interval, is announced once, and is taken', () => {
    call('team.timerConfig.set', { rest: { intervalMs: 2 * MIN, durationMs: 30_000, warnBeforeMs: 0 } });
    const sophie = member('Sophie Lefèvre');
    // Sophie has been on duty for 12 min, so with a 2-min interval her rest break is already due.
    advance(2000);
    expect(member('Sophie Lefèvre').timer.state).toMatch(/break_due|overdue/);
    const notes = events.filter(
      (e) => e.name === 'team.notification' && (e.payload as { memberId: string }).memberId === sophie.id,
    );
    expect(notes.length).toBeGreaterThan(0);
    const ids = notes.map((e) => (e.payload as { id: string }).id);
    advance(5000);
    const again = events
      .filter(
        (e) => e.name === 'team.notification' && (e.payload as { memberId: string }).memberId === sophie.id,
      )
      .map((e) => (e.payload as { id: string }).id);
    expect(again).toEqual(ids);

    const onBreak = call('team.break', { memberId: sophie.id, action: 'start' });
    expect(onBreak.timer.state).toBe('on_break');
    advance(31_000);
    const back = call('team.break', { memberId: sophie.id, action: 'end' });
    expect(back.timer.state).toBe('working');
    expect(back.timer.breaksTaken).toBe(1);
    const rows = db
      .prepare('SELECT outcome, kind FROM breaks WHERE member_id = ? ORDER BY seq')
      .all(sophie.id);
    expect(rows).toContainEqual({ outcome: 'taken', kind: 'rest' });
  });

  it('refuses to postpone in strict mode and shows the overdue break to the lead', () => {
    call('team.timerConfig.set', {
      rest: { intervalMs: 60 * MIN, warnBeforeMs: 0, overdueAfterMs: MIN },
      micro: { enabled: false },
    });
    const karim = member('Karim Benali');
    call('team.break', { memberId: karim.id, action: 'impose', kind: 'rest', strict: true });
    expect(() => call('team.break', { memberId: karim.id, action: 'postpone' })).toThrow(/strict|imposed/i);
    advance(61_000);
    const k = member('Karim Benali');
    expect(k.timer.state).toBe('overdue');
    expect(k.timer.notifications.some((n) => n.kind === 'break_overdue' && n.audience === 'lead')).toBe(true);
  });

  it('counts the local user idle time as a natural break', () => {
    call('team.timerConfig.set', { micro: { intervalMs: 10 * MIN, durationMs: 20_000 } });
    const claire = member('Claire Dubois');
    call('team.activity', {});
    clock += 60_000;
    call('team.activity', {});
    const after = member('Claire Dubois');
    expect(after.timer.breaksNatural).toBe(claire.timer.breaksNatural + 1);
    const natural = db
      .prepare(`SELECT count(*) AS n FROM breaks WHERE member_id = ? AND outcome = 'natural'`)
      .get(claire.id);
    expect(natural).toEqual({ n: 1 });
  });
});

describe('exposure and load', () => {
  it('derives handled exposure from triage rows exactly once, weighted by toxicity and target', () => {
    const ids = ['x:1', 'x:2', 'x:3'];
    ctx.ingestor.ingest(
      ids.map((id, i) => ({
        id,
        platform: 'x' as const,
        externalId: id.slice(2),
        url: null,
        authorHandle: `troll${i}`,
        authorName: null,
        authorFollowers: null,
        text: i === 0 ? 'Karim Benali tu es un incapable' : `Panne encore ${i}`,
        lang: 'fr',
        createdAt: clock - MIN,
        likes: 0,
        shares: 0,
        replies: 0,
        rating: null,
        toxicity: i === 0 ? 0.9 : 0.1,
      })),
    );
    const before = member('Karim Benali');
    const triage = new TriageRepo(db, { now: () => clock });
    triage.setStatusMany('demo', ids, 'handled', 'Karim Benali');
    triage.routeMany('demo', ['x:1'], 'juridique', 'menace', 'Karim Benali');
    advance(2000);
    advance(2000);
    const after = member('Karim Benali');
    expect(after.exposure.handled).toBe(3);
    const rows = db
      .prepare('SELECT mention_id, target, toxicity FROM exposures WHERE member_id = ? ORDER BY mention_id')
      .all(after.id);
    expect(rows).toEqual([
      { mention_id: 'x:1', target: 'self', toxicity: 0.9 },
      { mention_id: 'x:2', target: 'other', toxicity: 0.1 },
      { mention_id: 'x:3', target: 'other', toxicity: 0.1 },
    ]);
    const expo = after.load.parts.find((p) => p.key === 'exposure')!;
    // (0.1 + 0.9) × 3 × 1.5 + 2 × (0.1 + 0.1) × 1 × 1.5, two seconds old.
    expect(expo.value).toBeCloseTo(5.1, 1);
    expect(after.load.score).toBeGreaterThan(before.load.score);
    const sum = after.load.parts.reduce((s, p) => s + p.contribution, 0);
    expect(sum).toBeCloseTo(after.load.score, 0);
    expect(events.some((e) => e.name === 'team.changed')).toBe(true);
  });

  it('records the mentions the local user opened', () => {
    ctx.ingestor.ingest([
      {
        id: 'x:9',
        platform: 'x',
        externalId: '9',
        url: null,
        authorHandle: 'a',
        authorName: null,
        authorFollowers: null,
        text: 'bonjour',
        lang: 'fr',
        createdAt: clock,
        likes: 0,
        shares: 0,
        replies: 0,
        rating: null,
      },
    ]);
    expect(call('team.exposure.opened', { mentionId: 'x:9' })).toEqual({ recorded: true });
    expect(call('team.exposure.opened', { mentionId: 'x:9' })).toEqual({ recorded: false });
    expect(call('team.exposure.opened', { mentionId: 'nope' })).toEqual({ recorded: false });
    expect(member('Claire Dubois').exposure.opened).toBe(1);
  });

  it('takes a NASA-TLX report into the score and writes a handoff note', () => {
    const claire = member('Claire Dubois');
    const v = call('team.tlx.submit', {
      mental: 80,
      physical: 20,
      temporal: 90,
      performance: 50,
      effort: 70,
      frustration: 60,
    });
    expect(v.tlx?.raw).toBe(61.7);
    expect(v.load.parts.find((p) => p.key === 'tlx')!.contribution).toBeGreaterThan(0);
    expect(v.tlxPromptDue).toBe(false);
    const note = call('team.handoff', { memberId: claire.id, toMemberId: member('Karim Benali').id });
    expect(note.fr).toContain('Note de relève');
    expect(note.fr).toContain('Karim Benali');
    expect(note.en).toContain('Handoff note');
  });
});

describe('protection case', () => {
  function ingestAbout(n: number, at: number): void {
    ctx.ingestor.ingest(
      Array.from({ length: n }, (_, i) => ({
        id: `x:j${at}-${i}`,
        platform: 'x' as const,
        externalId: `j${at}-${i}`,
        url: `https://x.test/j${i}`,
        authorHandle: `angry${i}`,
        authorName: null,
        authorFollowers: null,
        text: i % 2 ? `@julie_marchand démission <script>alert(1)</script>` : 'Julie Marchand elle est nulle',
        lang: 'fr',
        createdAt: at + i * 1000,
        likes: 0,
        shares: 0,
        replies: 0,
        rating: null,
        toxicity: 0.8,
      })),
    );
  }

  it('opens for the demo target, logs to the timeline, counts down, watches the rate, exports evidence', () => {
    ingestAbout(12, clock - 30 * MIN);
    const suggestion = call('protection.suggestions', {}).items.find((s) => s.source === 'demo');
    expect(suggestion?.name).toBe('Julie Marchand');
    const opened = call('protection.open', {
      name: suggestion!.name,
      kind: suggestion!.kind,
      handles: suggestion!.handles,
      cooldownHours: 24,
    });
    expect(opened.steps[0]!.id).toBe('physical_safety');
    expect(opened.cooldown.remainingMs).toBe(24 * 60 * MIN);
    expect(opened.watch.matched).toBe(12);
    expect(() => call('protection.open', { name: 'julie marchand', kind: 'employee', handles: [] })).toThrow(
      /already open/,
    );
    advance(2 * MIN, 5000);
    const later = call('protection.get', { id: opened.id });
    expect(later.cooldown.remainingMs).toBe(24 * 60 * MIN - 2 * MIN);
    expect(later.watch.lastRatePerHour).toBe(12);
    expect(() => call('protection.step', { id: opened.id, stepId: 'report_and_block', done: true })).toThrow(
      /preserve_evidence/,
    );
    call('protection.step', { id: opened.id, stepId: 'preserve_evidence', done: true });
    const kinds = db
      .prepare(`SELECT kind FROM timeline_events WHERE kind LIKE 'protection.%' ORDER BY id`)
      .all()
      .map((r) => (r as { kind: string }).kind);
    expect(kinds).toContain('protection.case_opened');
    expect(kinds).toContain('protection.step_done');

    const collected = call('protection.evidence.collect', { id: opened.id });
    expect(collected).toEqual({ added: 12, total: 12 });
    expect(call('protection.evidence.collect', { id: opened.id })).toEqual({ added: 0, total: 12 });
    // Each freeze that adds something is in the case log (a freeze of nothing is not).
    const frozen = db
      .prepare(`SELECT text_fr FROM protection_events WHERE kind = 'evidence_frozen'`)
      .pluck()
      .all();
    expect(frozen).toEqual(['12 mentions gelées avec empreinte SHA-256 (12 au dossier).']);
    const html = call('protection.dossier', { id: opened.id, format: 'html', lang: 'fr' });
    expect(html.items).toBe(12);
    expect(html.content).not.toContain('<script>alert(1)</script>');
    expect(html.content).toContain('&lt;script&gt;');
    expect(html.fileName).toMatch(/^preuves-Julie-Marchand-.*\.html$/);
    const json = JSON.parse(
      call('protection.dossier', { id: opened.id, format: 'json', lang: 'en' }).content,
    ) as {
      items: { sha256: string }[];
    };
    expect(json.items).toHaveLength(12);
    expect(json.items[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Opened from a person-targeted alert: the timeline links the case to the alert.
    db.prepare(
      `INSERT INTO timeline_events(incident_id, at, kind, text, data) VALUES ('demo', ?, 'alert', 'Attaques', ?)`,
    ).run(clock, JSON.stringify({ aimedAt: 'person', targets: ['Marc Petit'] }));
    const fromAlert = call('protection.suggestions', {}).items.find((s) => s.source === 'alert');
    expect(fromAlert?.name).toBe('Marc Petit');
    const second = call('protection.open', {
      name: 'Marc Petit',
      kind: 'journalist',
      handles: [],
      alertId: fromAlert!.alertId!,
    });
    const link = db
      .prepare(`SELECT data FROM timeline_events WHERE kind = 'protection.from_alert'`)
      .get() as {
      data: string;
    };
    expect(JSON.parse(link.data)).toEqual({ caseId: second.id, alertId: fromAlert!.alertId });
    // No suggestion for people who already have a case.
    expect(call('protection.suggestions', {}).items).toEqual([]);
  });
});
