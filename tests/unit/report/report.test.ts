import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyTimes, impactOf } from '../../../main/core/report/metrics';
import { buildModel } from '../../../main/core/report/model';
import { IDENTITY } from '../../../main/core/report/aliases';
import { readIncidentRecord } from '../../../main/core/report/record';
import { MetaRepo } from '../../../main/core/store/meta-repo';
import { loadScenario } from '../../../main/core/demo/scenario';
import { DEMO_INCIDENT_ID, createDemo } from '../../../main/core/demo/seed';
import { RESOURCES } from '../../helpers/tmp';
import { expectGolden, exportText } from './export-helpers';
import { at, fixtureStore, INCIDENT, MIN, NOW } from './fixture';

let env: ReturnType<typeof fixtureStore>;
beforeEach(() => {
  env = fixtureStore();
  new MetaRepo(env.db).set('report.alias_salt', 'fixed-test-salt');
});
afterEach(() => {
  env.db.close();
  env.tmp.cleanup();
});

describe('metrics of the fixed incident (worked out by hand in fixture.ts)', () => {
  it('finds the onset and the key delays', () => {
    const record = readIncidentRecord(env.db, INCIDENT, NOW);
    const t = keyTimes(record);
    // Signal 08:12; its bucket holds 2 mentions up to the alert, the 08:00 bucket 5 (≥ 3): onset 08:02.
    expect(t.onset).toEqual({ at: at(8, 2), source: 'computed' });
    expect(t.firstAlertAt).toBe(at(8, 12));
    expect(t.detectMs).toBe(10 * MIN);
    expect(t.acknowledgedAt).toBe(at(8, 20));
    expect(t.acknowledgeMs).toBe(8 * MIN);
    // The internal note published at 08:50 is not public; the holding statement at 09:05 is.
    expect(t.firstStatementAt).toBe(at(9, 5));
    expect(t.firstStatementMs).toBe(63 * MIN);
    expect(t.stableMs).toBe((2 * 60 + 58) * MIN);
    expect(t.closeMs).toBe((5 * 60 + 58) * MIN);
  });

  it('counts the impact from the onset to the close, on the incident’s source only', () => {
    const record = readIncidentRecord(env.db, INCIDENT, NOW);
    const ids = record.mentions.map((m) => m.id);
    expect(ids).not.toContain('x:o1'); // another source
    expect(ids).not.toContain('x:late1'); // after the close
    const im = impactOf(record, at(8, 2));
    expect(im.volume).toBe(14);
    expect(im.uniqueAuthors).toBe(11);
    expect(im.totalReach).toBe(8550);
    expect(im.peakMinute).toEqual({ at: at(8, 11), count: 2 });
    expect(im.toxicCount).toBe(4);
    expect(im.toxicShare).toBeCloseTo(4 / 14, 10);
    expect(im.ratingBefore).toEqual({ mean: 4.5, count: 2 });
    expect(im.ratingAfter).toEqual({ mean: 1.5, count: 2 });
    expect(im.clusters.map((c) => [c.id, c.count, c.authors])).toEqual([
      ['c1', 5, 4],
      ['c2', 2, 2],
    ]);
    expect(im.clusters[0]!.share).toBeCloseTo(5 / 14, 10);
    expect(im.curve.buckets.reduce((s, b) => s + b.count, 0)).toBe(14);
  });

  it('approvals, checklist, routing, team and protection', () => {
    const m = buildModel(readIncidentRecord(env.db, INCIDENT, NOW), {
      lang: 'fr',
      timeZone: 'Europe/Paris',
      generatedAt: NOW,
      includePrivate: false,
      aliases: IDENTITY,
    });
    expect(m.incident.maxLevel).toBe('crise');
    expect(m.approvals).toHaveLength(1);
    expect(m.approvals[0]!.latencyMs).toBe(15 * MIN);
    expect(m.approvals[0]!.approvers.map((a) => [a.name, a.latencyMs])).toEqual([
      ['Léa Dubois', 12 * MIN],
      ['Hugo Bernard', 15 * MIN],
    ]);
    const { onTime, late, overdue, skipped, open, noDeadline, items } = m.checklist;
    expect({ onTime, late, overdue, skipped, open, noDeadline }).toEqual({
      onTime: 1,
      late: 1,
      overdue: 1,
      skipped: 1,
      open: 0,
      noDeadline: 1,
    });
    expect(items).toHaveLength(5); // the step never unlocked is left out
    expect(m.routing.map((r) => [r.service, r.mentions])).toEqual([
      ['service_client', 2],
      ['juridique', 1],
    ]);
    expect(m.team.map((p) => [p.name, p.dutyMs / 3_600_000, p.breaksTaken, p.breaksSkipped])).toEqual([
      ['Camille Martin', 4, 1, 1],
      ['Hugo Bernard', 4, 1, 1],
    ]);
    const hugo = m.team[1]!;
    expect([hugo.exposures, hugo.toxicExposures, hugo.aimedAtSelf]).toEqual([4, 3, 1]);
    expect(hugo.peakHour).toEqual({ at: at(9, 0), count: 3 });
    expect(hugo.maxTlx).toBe(50);
    expect(m.protection).toEqual([
      expect.objectContaining({ kind: 'journalist', evidenceCount: 1, eventCount: 1, person: null }),
    ]);
  });

  it('an onset agreed by the cell wins over the computed one', () => {
    env.db.prepare('UPDATE incident_reviews SET onset_at = ? WHERE incident_id = ?').run(at(7, 55), INCIDENT);
    const t = keyTimes(readIncidentRecord(env.db, INCIDENT, NOW));
    expect(t.onset).toEqual({ at: at(7, 55), source: 'agreed' });
    expect(t.detectMs).toBe(17 * MIN);
  });
});

describe('golden files (fixed clock, fixed data)', () => {
  it('Markdown in French', async () => {
    expectGolden('review.fr.md', await exportText(env.db, { format: 'md', lang: 'fr' }));
  });
  it('Markdown in English, pseudonymized', async () => {
    expectGolden(
      'review.en.pseudo.md',
      await exportText(env.db, { format: 'md', lang: 'en', pseudonymize: true }),
    );
  });
  it('HTML in English', async () => {
    expectGolden('review.en.html', await exportText(env.db, { format: 'html', lang: 'en' }));
  });
  it('HTML in French with private details', async () => {
    expectGolden(
      'review.fr.private.html',
      await exportText(env.db, { format: 'html', lang: 'fr', includePrivate: true }),
    );
  });
  it('JSON bundle', async () => {
    expectGolden('bundle.json', await exportText(env.db, { format: 'json' }));
  });
  it('CSV of mentions and of the timeline', async () => {
    expectGolden('mentions.csv', await exportText(env.db, { format: 'csv' }));
    expectGolden(
      'timeline.csv',
      await exportText(env.db, { format: 'csv', csvTable: 'timeline', delimiter: ',' }),
    );
  });
});

describe('the demo incident', () => {
  it('is titled in the document’s language (stored in French)', async () => {
    const scenario = loadScenario(RESOURCES);
    createDemo(env.db, scenario, 720, NOW);
    const en = await exportText(env.db, { format: 'md', lang: 'en' }, DEMO_INCIDENT_ID);
    const fr = await exportText(env.db, { format: 'md', lang: 'fr' }, DEMO_INCIDENT_ID);
    expect(en).toContain(`# Post-incident review — ${scenario.meta.title.en}`);
    expect(fr).toContain(`— ${scenario.meta.title.fr}`);
    expect(en).not.toContain(scenario.meta.title.fr);
  });
});
