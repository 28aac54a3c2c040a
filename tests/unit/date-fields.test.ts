// Separate day / month / year (hour / minute) fields: their order per language and the value they spell.
import { describe, expect, it } from 'vitest';
import { cleanField, dateOrder, joinParts, splitValue } from '../../renderer/lib/date-fields';

describe('date fields', () => {
  it('follow the order each language writes a date in', () => {
    expect(dateOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(dateOrder('en')).toEqual(['month', 'day', 'year']);
  });

  it('spell the native inputs’ values, padded, and read them back', () => {
    const parts = { day: '5', month: '3', year: '2026', hour: '9', minute: '7' };
    expect(joinParts(parts, false)).toBe('2026-03-05');
    expect(joinParts(parts, true)).toBe('2026-03-05T09:07');
    expect(splitValue('2026-03-05T09:07')).toEqual({
      day: '05',
      month: '03',
      year: '2026',
      hour: '09',
      minute: '07',
    });
    expect(splitValue('2026-12-15')).toMatchObject({ day: '15', month: '12', year: '2026', hour: '' });
    expect(splitValue('')).toEqual({ day: '', month: '', year: '', hour: '', minute: '' });
  });

  it('spell nothing while incomplete or for a date or time that does not exist', () => {
    const base = { day: '29', month: '11', year: '2026', hour: '14', minute: '05' };
    expect(joinParts({ ...base, year: '26' }, false)).toBe('');
    expect(joinParts({ ...base, day: '' }, false)).toBe('');
    expect(joinParts({ ...base, day: '31', month: '02' }, false)).toBe('');
    expect(joinParts({ ...base, day: '29', month: '02', year: '2027' }, false)).toBe('');
    expect(joinParts({ ...base, day: '29', month: '02', year: '2028' }, false)).toBe('2028-02-29');
    expect(joinParts({ ...base, month: '13' }, false)).toBe('');
    expect(joinParts({ ...base, hour: '24' }, true)).toBe('');
    expect(joinParts({ ...base, minute: '60' }, true)).toBe('');
    expect(joinParts({ ...base, minute: '' }, true)).toBe('');
    expect(joinParts({ ...base, minute: '' }, false)).toBe('2026-11-29');
  });

  it('keep digits only, at most the field’s width', () => {
    expect(cleanField('day', '29/11')).toBe('29');
    expect(cleanField('year', '2026-11')).toBe('2026');
    expect(cleanField('minute', 'a5')).toBe('5');
  });
});
