// The demo scenario, analyzed by the built-in analyzer and bucketed per minute, fed to the spike
// detector. The outage hits at onsetMs with a burst of "is it down?" reports (scripts/demo-data/
// story.mjs), then the storm builds over two hours. Asserted: no alert in the 10 calm hours, a first
// alert within 2 minutes of onsetMs, saying that negative or crisis posts rose.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../main/core/demo/scenario';
import { analyzeText } from '../../../main/core/analysis/index';
import { detectSpikes, MINUTE, rollupByMinute } from '../../../main/core/analysis/spikes';
import { RESOURCES } from '../../helpers/tmp';

describe('spike detection on the demo scenario', () => {
  it('alerts soon after the onset and never before', () => {
    const { meta, items } = loadScenario(RESOURCES);
    const person = meta.targetedPerson!;
    const context = { protectedPeople: [{ name: person.name, handles: Object.values(person.handles) }] };
    const rows = rollupByMinute(
      items.map((m) => {
        const a = analyzeText(m.text, { platformLang: m.lang, context, rating: m.rating });
        return {
          at: m.offsetMs,
          negative: a.label === 'negative',
          toxic: a.toxicity >= 0.5,
          reach: m.authorFollowers ?? 0,
          crisis: a.crisisTerms.length > 0,
        };
      }),
    );
    const alerts = detectSpikes(rows);
    expect(alerts.filter((a) => a.at < meta.onsetMs)).toEqual([]);
    const first = alerts[0]!;
    const delayMinutes = (first.at - meta.onsetMs) / MINUTE;
    expect(delayMinutes).toBeGreaterThanOrEqual(0);
    expect(delayMinutes).toBeLessThanOrEqual(2);
    expect(first.reasons.map((r) => r.metric)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(neg|negShare|crisis|crisisShare|pressure)$/)]),
    );
    // One storm, a bounded number of alerts over its 26 hours.
    expect(alerts.length).toBeLessThanOrEqual(20);
  });
});
