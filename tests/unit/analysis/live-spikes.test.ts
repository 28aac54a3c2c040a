// Live spike detection on the real store: the demo scenario replayed through the ingest pipeline
// (analysis, clusters, rollups), minutes fed to the detector as the stream moves on; and a calm
// stream of the same size, built from the demo's own calm-hours posts at random calm times.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveSpikes, watchSpikesFrom } from '../../../main/core/analysis/live-spikes';
import { MINUTE } from '../../../main/core/analysis/spikes';
import { loadScenario } from '../../../main/core/demo/scenario';
import { DEMO_INCIDENT_ID, createDemo } from '../../../main/core/demo/seed';
import { seeded } from '../../../main/bench/generate';
import { openStore } from '../../../main/core/store/open';
import { Ingestor, type NewMention } from '../../../main/core/sync/ingest';
import { scenarioItemToMention } from '../../../main/core/sync/sources/replay';
import { RESOURCES, tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir();
  db = openStore(tmp.file('store.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

/** Ingests the stream in slices of `sliceMs` stream time, advancing the detector after each. */
function replay(mentions: NewMention[], spikes: LiveSpikes, sliceMs = 3 * MINUTE) {
  const ingestor = new Ingestor(db, () => NOW);
  const alerts = [];
  let i = 0;
  while (i < mentions.length) {
    const end = mentions[i]!.createdAt + sliceMs;
    const batch: NewMention[] = [];
    while (i < mentions.length && mentions[i]!.createdAt < end) batch.push(mentions[i++]!);
    ingestor.ingest(batch);
    alerts.push(...spikes.advance());
  }
  return alerts;
}

describe('live spike detection', () => {
  it('alerts on the demo within 2 simulated minutes of the onset, never before, on the incident timeline', () => {
    const scenario = loadScenario(RESOURCES);
    createDemo(db, scenario, 720, NOW);
    const anchor = NOW - scenario.meta.durationMs;
    const spikes = new LiveSpikes(db, { incidentFor: () => DEMO_INCIDENT_ID, now: () => NOW });
    const alerts = replay(
      scenario.items.map((it) => scenarioItemToMention(it, anchor)),
      spikes,
    );
    const onset = anchor + scenario.meta.onsetMs;
    expect(alerts.filter((a) => a.at < onset)).toEqual([]);
    const first = alerts[0]!;
    expect((first.at - onset) / MINUTE).toBeLessThanOrEqual(2);
    expect(first.reasons.length).toBeGreaterThan(0);
    expect(first.reasons[0]!.text.fr).toMatch(/×/);
    // Stored, and on the incident's timeline as an `alert` event.
    expect(spikes.list().map((a) => a.id)).toEqual(alerts.map((a) => a.id).reverse());
    const events = db
      .prepare(
        `SELECT at, actor, data FROM timeline_events WHERE incident_id = ? AND kind = 'alert' ORDER BY at`,
      )
      .all(DEMO_INCIDENT_ID) as { at: number; actor: string; data: string }[];
    expect(events.map((e) => e.at)).toEqual(alerts.map((a) => a.at));
    expect(JSON.parse(events[0]!.data)).toMatchObject({ alertId: first.id, metric: first.metric });
    // One storm, a bounded number of alerts over its 26 hours.
    expect(alerts.length).toBeLessThanOrEqual(25);
  });

  it('raises nothing on a calm stream of the same size', () => {
    const scenario = loadScenario(RESOURCES);
    const calm = scenario.items.filter((it) => it.offsetMs < scenario.meta.onsetMs);
    const rnd = seeded(7);
    const span = scenario.meta.durationMs;
    const start = NOW - span;
    const mentions: NewMention[] = [];
    for (let i = 0; i < scenario.items.length; i++) {
      const it = calm[Math.floor(rnd() * calm.length)]!;
      // Quieter nights, busier days (half the daytime rate at night): a daily rhythm, never a burst.
      let t = rnd() * span;
      while (rnd() > 0.75 + 0.25 * Math.sin((2 * Math.PI * t) / 86_400_000)) t = rnd() * span;
      mentions.push({
        ...scenarioItemToMention(it, start),
        id: `${it.platform}:calm-${i}`,
        externalId: `calm-${i}`,
        createdAt: Math.floor(start + t),
      });
    }
    mentions.sort((a, b) => a.createdAt - b.createdAt);
    const spikes = new LiveSpikes(db, { incidentFor: () => null, now: () => NOW });
    expect(replay(mentions, spikes)).toEqual([]);
    expect(spikes.list()).toEqual([]);
  });

  it('resumes after a restart without raising the same alerts again', () => {
    const scenario = loadScenario(RESOURCES);
    createDemo(db, scenario, 720, NOW);
    const anchor = NOW - scenario.meta.durationMs;
    const mentions = scenario.items.map((it) => scenarioItemToMention(it, anchor));
    const half = mentions.filter((m) => m.createdAt < anchor + scenario.meta.onsetMs + 3 * 3_600_000);
    const first = new LiveSpikes(db, { incidentFor: () => DEMO_INCIDENT_ID, now: () => NOW });
    const before = replay(half, first);
    expect(before.length).toBeGreaterThan(0);
    const second = new LiveSpikes(db, { incidentFor: () => DEMO_INCIDENT_ID, now: () => NOW });
    const after = replay(mentions.slice(half.length), second);
    expect(after.every((a) => a.at > before.at(-1)!.at)).toBe(true);
    expect(new Set(second.list().map((a) => a.at)).size).toBe(before.length + after.length);
  });
});

describe('first start over a long history', () => {
  it('watches only the last 12 hours: a storm of days ago raises nothing', () => {
    const scenario = loadScenario(RESOURCES);
    const anchor = NOW - 3 * 86_400_000;
    const ingestor = new Ingestor(db, () => NOW);
    ingestor.ingest(scenario.items.map((it) => scenarioItemToMention(it, anchor)));
    const tail = scenarioItemToMention(scenario.items[0]!, NOW);
    ingestor.ingest([{ ...tail, id: `${tail.platform}:tail`, externalId: 'tail' }]);
    const spikes = new LiveSpikes(db, { incidentFor: () => null, now: () => NOW });
    expect(spikes.advance()).toEqual([]);
    // The same storm, inside the watched window, is seen.
    const recent = scenario.items.map((it, i) => ({
      ...scenarioItemToMention(it, NOW),
      id: `${it.platform}:recent-${i}`,
      externalId: `recent-${i}`,
    }));
    expect(replay(recent, spikes).length).toBeGreaterThan(0);
  });

  it('watches a scenario loaded all at once from its first minute', () => {
    const scenario = loadScenario(RESOURCES);
    const anchor = NOW - 3 * 86_400_000;
    watchSpikesFrom(db, anchor);
    new Ingestor(db, () => NOW).ingest(scenario.items.map((it) => scenarioItemToMention(it, anchor)));
    const alerts = new LiveSpikes(db, { incidentFor: () => null, now: () => NOW }).advance();
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]!.at).toBeLessThan(NOW - 12 * 3_600_000);
    // Watching that has begun is not moved back by a later load.
    watchSpikesFrom(db, anchor - 86_400_000);
    expect(new LiveSpikes(db, { incidentFor: () => null, now: () => NOW }).advance()).toEqual([]);
  });
});
