// Pure pieces of the crisis screens: search highlights into text segments, template variables to ask
// for, and countdown formats.
import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDuration } from '../../../renderer/features/crisis/countdown';
import { shortDuration } from '../../../renderer/features/team/duration';
import { variablesToFill } from '../../../renderer/features/crisis/template-vars';
import { splitHighlight } from '../../../renderer/features/mentions/highlight';

describe('search highlights', () => {
  it('splits FTS5 markers into plain and marked segments, never markup', () => {
    expect(splitHighlight('Toujours \u0002panne\u0003 chez <b>\u0002Ondaline\u0003</b>')).toEqual([
      { text: 'Toujours ', hit: false },
      { text: 'panne', hit: true },
      { text: ' chez <b>', hit: false },
      { text: 'Ondaline', hit: true },
      { text: '</b>', hit: false },
    ]);
    expect(splitHighlight('sans correspondance')).toEqual([{ text: 'sans correspondance', hit: false }]);
    // Markers typed by an attacker only move the highlight; the text comes back whole.
    const joined = splitHighlight('a\u0003b\u0002c')
      .map((s) => s.text)
      .join('');
    expect(joined).toBe('abc');
  });
});

describe('template variables', () => {
  const template = {
    id: 'holding-statement',
    kind: 'holding' as const,
    title: { fr: 'x', en: 'x' },
    variables: [{ name: 'situation', description: { fr: 's', en: 's' } }],
    uses: ['situation', 'next_update_time', 'signatory_first_name', 'brand'],
  };
  it('asks for what Vigie cannot fill right now, and for the template’s own variables', () => {
    expect(
      variablesToFill(template, { signatory_first_name: 'Claire', next_update_time: '18 h 00' }),
    ).toEqual(['brand', 'situation']);
    expect(variablesToFill(template, {})).toEqual([
      'next_update_time',
      'signatory_first_name',
      'brand',
      'situation',
    ]);
  });
});

describe('countdowns', () => {
  const units = { min: 'min', h: 'h', d: 'j' };
  it('reads minutes:seconds under an hour, hours beyond, days beyond a day', () => {
    expect(formatCountdown(65_000, units)).toBe('01:05');
    expect(formatCountdown(-65_000, units)).toBe('01:05');
    // No-break spaces hold numbers to their units; a whole number of hours has no ":00".
    expect(formatCountdown(3 * 3_600_000 + 5 * 60_000, units)).toBe('3\u00a0h\u00a005');
    expect(formatCountdown(50 * 3_600_000, units)).toBe('2\u00a0j 2\u00a0h');
    expect(formatDuration(42 * 60_000, units)).toBe('42\u00a0min');
    expect(formatDuration(190 * 60_000, units)).toBe('3\u00a0h\u00a010');
    expect(formatDuration(180 * 60_000, units)).toBe('3\u00a0h');
    expect(shortDuration(24 * 3_600_000)).toBe('24\u00a0h');
    expect(shortDuration(65 * 60_000)).toBe('1\u00a0h\u00a005');
  });
});
