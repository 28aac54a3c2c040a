// Every kind of event the core writes on an incident's timeline has a name in French and in English:
// the log shows the name, and a missing one would show its raw key ("protection.step_done").
import { describe, expect, it } from 'vitest';
import { PROTECTION_EVENT_KINDS } from '../../../main/core/team/protection-case-model';
import { en } from '../../../renderer/i18n/en';
import { fr } from '../../../renderer/i18n/fr';

describe('timeline event kinds', () => {
  it('going-private events are named in both languages', () => {
    const kinds = [...PROTECTION_EVENT_KINDS.map((k) => `protection.${k}`), 'protection.from_alert'];
    for (const messages of [fr, en]) {
      const names = messages.crisis.kinds as Record<string, string>;
      for (const kind of kinds) expect(names[kind], kind).toMatch(/\S/);
    }
    // The two languages name the same kinds.
    expect(Object.keys(fr.crisis.kinds).sort()).toEqual(Object.keys(en.crisis.kinds).sort());
  });
});
