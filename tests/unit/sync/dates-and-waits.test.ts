import { describe, expect, it } from 'vitest';
import { ndjsonFormat } from '../../../main/core/sync/formats/ndjson';
import { inDateRange, isHostOf, toMs } from '../../../main/core/sync/normalize';
import { MAX_WAIT_MS, parseReset, parseRetryAfter, readRateLimit } from '../../../main/core/sync/rate-limit';

// Dates, waits and hosts read from what platforms and files send: absurd values must not become a
// date no screen can show, a wait that silences a source for good, or a link that only looks right.

const NOW = Date.UTC(2026, 10, 29, 8, 0);

describe('toMs', () => {
  it('reads epoch seconds, epoch milliseconds and ISO dates', () => {
    expect(toMs(1_795_000_000)).toBe(1_795_000_000_000);
    expect(toMs(1_795_000_000_123)).toBe(1_795_000_000_123);
    expect(toMs('2026-11-29T08:00:00Z')).toBe(NOW);
  });

  it('refuses numbers no Date can hold (they used to overflow to -Infinity or stay 1e300)', () => {
    for (const v of [-1.797693134862316e305, 1e300, 9e15, -9e15, Number.MAX_VALUE]) {
      expect(toMs(v), String(v)).toBeNull();
    }
    expect(toMs(Number.NaN)).toBeNull();
    expect(inDateRange(8.64e15)).toBe(8.64e15);
    expect(inDateRange(8.64e15 + 1)).toBeNull();
  });

  it('quarantines a Vigie record whose createdAt is out of range, and keeps the rest', () => {
    const good = { platform: 'x', externalId: '1', text: 'ok', createdAt: NOW };
    const bad = { platform: 'x', externalId: '2', text: 'ko', createdAt: 1e300 };
    const r = ndjsonFormat.parse(`${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`, {
      now: NOW,
      fileName: 'dates.ndjson',
    });
    expect(r.mentions.map((m) => m.externalId)).toEqual(['1']);
    expect(r.quarantined).toHaveLength(1);
    expect(r.quarantined[0]!.reason).toMatch(/line 2: unreadable createdAt/);
  });
});

describe('rate-limit waits', () => {
  it('reads each platform form of a reset and a Retry-After', () => {
    expect(parseReset('2026-11-29T08:05:00.000Z', NOW)).toBe(NOW + 5 * 60_000); // Mastodon, ISO
    expect(parseReset(String(NOW / 1000 + 900), NOW)).toBe(NOW + 900_000); // Bluesky / X, epoch s
    expect(parseReset('60', NOW)).toBe(NOW + 60_000); // Reddit, seconds from now
    expect(parseRetryAfter('120', NOW)).toBe(NOW + 120_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 08:10:00 GMT', NOW)).toBe(NOW + 600_000);
  });

  it('cuts a wait of more than a day to a day, and an endless one too', () => {
    expect(parseRetryAfter('99999999999', NOW)).toBe(NOW + MAX_WAIT_MS);
    expect(parseRetryAfter('9'.repeat(400), NOW)).toBe(NOW + MAX_WAIT_MS);
    expect(parseReset('9'.repeat(400), NOW)).toBe(NOW + MAX_WAIT_MS);
    expect(parseReset('2999-01-01T00:00:00Z', NOW)).toBe(NOW + MAX_WAIT_MS);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    const headers = new Headers({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '9'.repeat(30) });
    expect(readRateLimit(headers, NOW)).toEqual({ limit: null, remaining: 0, resetAt: NOW + MAX_WAIT_MS });
    // The status line says when it resumes: the date must be printable.
    expect(new Date(parseReset('9'.repeat(400), NOW)!).toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });
});

describe('isHostOf', () => {
  it('accepts the domain and its subdomains, nothing that merely ends like them', () => {
    expect(isHostOf('facebook.com', 'facebook.com')).toBe(true);
    expect(isHostOf('www.facebook.com', 'facebook.com')).toBe(true);
    expect(isHostOf('m.old.reddit.com', 'reddit.com')).toBe(true);
    for (const host of [
      '&www.facebook.com',
      'evilfacebook.com',
      'facebook.com.evil.test',
      '-x.facebook.com',
    ]) {
      expect(isHostOf(host, 'facebook.com'), host).toBe(false);
    }
  });
});
