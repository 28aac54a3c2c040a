// Times in the review: UTC for everyone, the reader's own time beside it when it differs.
import { describe, expect, it } from 'vitest';
import { utcAndLocal } from '../../../main/core/report/format';

const AT = Date.UTC(2026, 2, 14, 9, 5);

describe('utcAndLocal', () => {
  it('adds the reader’s time and offset when the zone is not UTC', () => {
    expect(utcAndLocal(AT, 'Europe/Paris')).toBe('2026-03-14 09:05 UTC · 2026-03-14 10:05 (UTC+1)');
    expect(utcAndLocal(AT, 'America/St_Johns')).toBe('2026-03-14 09:05 UTC · 2026-03-14 06:35 (UTC-2:30)');
  });

  it('says the time once when the reader is on UTC', () => {
    expect(utcAndLocal(AT, 'UTC')).toBe('2026-03-14 09:05 UTC');
    expect(utcAndLocal(AT, 'Europe/London')).toBe('2026-03-14 09:05 UTC');
  });

  it('keeps both in summer, when London is an hour ahead of UTC', () => {
    expect(utcAndLocal(Date.UTC(2026, 6, 1, 9, 5), 'Europe/London')).toBe(
      '2026-07-01 09:05 UTC · 2026-07-01 10:05 (UTC+1)',
    );
  });
});
