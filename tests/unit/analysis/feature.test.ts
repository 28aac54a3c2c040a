// The analysis feature behind its contract handlers, on a real store: the demo replayed live through
// the ingest (as the worker's tick does), alerts on the incident timeline and as events, the
// suggested level accepted or dismissed through the crisis levels, and "what's rising".
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/analysis-model';
import { parseRequest, type CallRequest, type CallResponse, type EventName } from '../../../shared/contract';
import { localActor } from '../../../main/core/actor';
import { createContext, type CoreContext } from '../../../main/core/context';
import { loadScenario, type Scenario } from '../../../main/core/demo/scenario';
import { DEMO_INCIDENT_ID, DEMO_SOURCE_ID, createDemo } from '../../../main/core/demo/seed';
import { analysisFeature } from '../../../main/core/features/analysis';
import { openStore } from '../../../main/core/store/open';
import { ReplaySource } from '../../../main/core/sync/sources/replay';
import { RESOURCES, tempDir } from '../../helpers/tmp';

const NOW = Date.UTC(2026, 10, 20, 12, 0);
const MIN = 60_000;
const H = 60 * MIN;

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
let clock: number;
let events: { name: EventName; payload: unknown }[];
let ctx: CoreContext;
let feature: ReturnType<typeof analysisFeature>;
let scenario: Scenario;
let replay: ReplaySource;

function call<K extends Parameters<typeof parseRequest>[0]>(name: K, req: CallRequest<K>): CallResponse<K> {
  const handler = (feature.handlers as Record<string, (r: unknown) => unknown>)[name]!;
  return handler(parseRequest(name, req)) as CallResponse<K>;
}

/** Plays the demo live until `scenarioMs`, ticking every 250 ms of wall time as the worker does. */
function playUntil(scenarioMs: number): void {
  while ((replay.status()?.simulatedNow ?? 0) < anchor() + scenarioMs && replay.status()!.running) {
    clock += 250;
    replay.tick();
    feature.tick?.(clock);
  }
  clock += 1000;
  feature.tick?.(clock);
}
const anchor = () => replay.status()!.startsAt;
const alerts = () => events.filter((e) => e.name === 'analysis.alert').map((e) => e.payload as AlertEvent);

beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('a.db'));
  clock = NOW;
  events = [];
  scenario = loadScenario(RESOURCES);
  createDemo(db, scenario, 720, NOW);
  ctx = createContext(
    db,
    {
      dbPath: tmp.file('a.db'),
      resourcesDir: RESOURCES,
      mode: 'cli',
      version: 'test',
      seedDemo: false,
      vault: { kind: 'memory', secrets: {} },
      now: () => clock,
    },
    (name, payload) => events.push({ name, payload }),
  );
  feature = analysisFeature(ctx);
  ctx.ingestor.onStored((ids) => feature.onMentionsAdded?.(ids));
  replay = new ReplaySource(db, ctx.ingestor, scenario, DEMO_SOURCE_ID, () => clock);
  replay.tick();
});

afterEach(() => {
  feature.dispose?.();
  db.close();
  tmp.cleanup();
});

describe('analysis feature', () => {
  it('announces the onset alert live and puts it on the incident timeline', () => {
    playUntil(scenario.meta.onsetMs + 30 * MIN);
    const onset = anchor() + scenario.meta.onsetMs;
    const raised = alerts();
    expect(raised.length).toBeGreaterThan(0);
    expect(raised.every((a) => a.at >= onset)).toBe(true);
    expect(raised[0]!.at - onset).toBeLessThanOrEqual(2 * MIN);
    expect(raised[0]!.live).toBe(true);
    expect(raised[0]!.incidentId).toBe(DEMO_INCIDENT_ID);
    const listed = call('analysis.alerts', { incidentId: DEMO_INCIDENT_ID });
    expect(listed.items.map((a) => a.id).sort()).toEqual(raised.map((a) => a.id).sort());
    const kinds = db
      .prepare(`SELECT COUNT(*) AS n FROM timeline_events WHERE incident_id = ? AND kind = 'alert'`)
      .get(DEMO_INCIDENT_ID) as { n: number };
    expect(kinds.n).toBe(raised.length);
  });

  it('fills every analysis column of the stored mentions', () => {
    playUntil(scenario.meta.onsetMs + 8 * H);
    const missing = db
      .prepare(
        `SELECT COUNT(*) AS n FROM mentions
         WHERE lang IS NULL OR sentiment IS NULL OR toxicity IS NULL OR cluster_id IS NULL`,
      )
      .get() as { n: number };
    expect(missing.n).toBe(0);
    const aimed = db
      .prepare(`SELECT targets FROM mentions WHERE aimed_at = 'person' AND targets IS NOT NULL`)
      .pluck()
      .all() as string[];
    expect(aimed.some((t) => (JSON.parse(t) as string[]).includes('Julie Marchand'))).toBe(true);
    const rollup = db
      .prepare(
        'SELECT SUM(crisis) AS crisis, SUM(aimed) AS aimed, SUM(rating_count) AS ratings FROM rollup_minute',
      )
      .get() as { crisis: number; aimed: number; ratings: number };
    const counted = db
      .prepare(
        `SELECT COUNT(crisis_terms) AS crisis, COUNT(rating) AS ratings,
           SUM(aimed_at = 'person' AND toxicity >= 0.5) AS aimed FROM mentions`,
      )
      .get() as { crisis: number; aimed: number; ratings: number };
    expect(rollup).toEqual(counted);
    expect(counted.crisis).toBeGreaterThan(100);
    expect(counted.aimed).toBeGreaterThan(0);
  });

  it('suggests a higher level with reasons; accepting it changes the level on the timeline', () => {
    playUntil(scenario.meta.onsetMs + 3 * H);
    const s = call('analysis.suggestion', {})!;
    expect(s.incidentId).toBe(DEMO_INCIDENT_ID);
    expect(s.current).toBe('veille');
    expect(s.level).not.toBe('veille');
    expect(s.actionable).toBe(true);
    expect(s.reasons.length).toBeGreaterThan(0);
    expect(events.some((e) => e.name === 'analysis.suggestion')).toBe(true);

    const incident = call('analysis.acceptSuggestion', { incidentId: DEMO_INCIDENT_ID, level: s.level });
    expect(incident.level).toBe(s.level);
    const ev = db
      .prepare(
        `SELECT actor, text, data FROM timeline_events WHERE incident_id = ? AND kind = 'level.accepted'`,
      )
      .get(DEMO_INCIDENT_ID) as { actor: string; text: string; data: string };
    expect(ev.actor).toBe(localActor(db));
    expect(JSON.parse(ev.data)).toMatchObject({ from: 'veille', to: s.level });
    expect(ev.text).toContain(s.reasons[0]!.text.fr);
    expect(call('analysis.suggestion', {})).toMatchObject({ actionable: false, dismissed: false });
    // A suggestion that is no longer the current one cannot be accepted.
    expect(() =>
      call('analysis.acceptSuggestion', { incidentId: DEMO_INCIDENT_ID, level: 'veille' }),
    ).toThrow(/no longer suggests/);
  });

  it('keeps a dismissed suggestion quiet, with the reason on the timeline', () => {
    playUntil(scenario.meta.onsetMs + 3 * H);
    const s = call('analysis.suggestion', {})!;
    expect(() =>
      call('analysis.dismissSuggestion', { incidentId: DEMO_INCIDENT_ID, level: s.level, reason: '  ' }),
    ).toThrow(/reason/);
    call('analysis.dismissSuggestion', {
      incidentId: DEMO_INCIDENT_ID,
      level: s.level,
      reason: 'Panne déjà traitée par l’exploitation',
    });
    // Quiet, but not "nothing to report": the interface says it was dismissed.
    expect(call('analysis.suggestion', {})).toMatchObject({
      actionable: false,
      dismissed: true,
      level: s.level,
    });
    const ev = db
      .prepare(`SELECT text FROM timeline_events WHERE kind = 'level.suggestion_dismissed'`)
      .pluck()
      .get();
    expect(ev).toBe('Panne déjà traitée par l’exploitation');
    expect(ctx.incidents.get(DEMO_INCIDENT_ID)!.level).toBe('veille');
  });

  it("shows what's rising: clusters count once as voices, authors by reach", () => {
    playUntil(16 * H);
    const from = anchor() + 13.5 * H;
    const r = call('analysis.rising', { from, to: anchor() + 16 * H, limit: 5 });
    expect(r.total).toBeGreaterThan(100);
    expect(r.voices).toBeLessThan(r.total);
    expect(r.clusters[0]!.copies).toBeGreaterThanOrEqual(10);
    expect(r.clusters[0]!.share).toBeCloseTo(r.clusters[0]!.copies / r.total, 2);
    expect(r.terms.length).toBe(5);
    const reach = r.authors.map((a) => a.reach);
    expect(reach).toEqual([...reach].sort((a, b) => b - a));
    expect(() => call('analysis.rising', { from, to: from })).toThrow(/after/);
  });
});
