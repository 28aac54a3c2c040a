// Source health in plain words: the pill's tone and text, from the status the core reports.
import type { TFunction } from 'i18next';
import type { SourceView } from '../../../shared/model';
import type { Formatters } from '../../lib/format';

export type Tone = 'ok' | 'busy' | 'neutral' | 'warn' | 'danger';

const TONES: Record<SourceView['status'], Tone> = {
  ok: 'ok',
  running: 'busy',
  idle: 'neutral',
  paused: 'neutral',
  done: 'neutral',
  offline: 'warn',
  rate_limited: 'warn',
  error: 'warn',
  auth_error: 'danger',
  config_error: 'danger',
};

/** Statuses that wait for the user: nothing runs until the source is resumed or fixed. */
export const WAITING_FOR_USER: ReadonlySet<SourceView['status']> = new Set([
  'paused',
  'auth_error',
  'config_error',
]);

/** Statuses whose last run failed: the card explains the error. */
export const FAILED: ReadonlySet<SourceView['status']> = new Set([
  'offline',
  'rate_limited',
  'error',
  'auth_error',
  'config_error',
]);

export function statusTone(status: SourceView['status']): Tone {
  return TONES[status] ?? 'neutral';
}

/** 14:32 today, "Tue 14 Jan, 14:32" another day. */
export function clockText(f: Formatters, at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? f.time(at) : f.dateTime(at);
}

export function statusText(t: TFunction, f: Formatters, s: SourceView, now: number): string {
  const at = (when: number | null | undefined) => (when ? clockText(f, when, now) : null);
  switch (s.status) {
    case 'offline': {
      const time = at(s.nextRunAt);
      return time ? t('sources.status.offlineRetry', { time }) : t('sources.status.offline');
    }
    case 'rate_limited': {
      const time = at(s.rateLimit?.resetAt ?? s.nextRunAt);
      return time ? t('sources.status.rateLimitedRetry', { time }) : t('sources.status.rateLimited');
    }
    case 'error': {
      const time = at(s.nextRunAt);
      return time ? t('sources.status.errorRetry', { time }) : t('sources.status.error');
    }
    case 'idle':
      return t('sources.status.idle');
    case 'running':
      return t('sources.status.running');
    case 'ok':
      return t('sources.status.ok');
    case 'paused':
      return t('sources.status.paused');
    case 'auth_error':
      return t('sources.status.authError');
    case 'config_error':
      return t('sources.status.configError');
    case 'done':
      return t('sources.status.done');
    default:
      return String(s.status);
  }
}

/** The last error in plain words (the core's exact message goes in the technical detail). */
export function errorExplanation(t: TFunction, status: SourceView['status']): string {
  switch (status) {
    case 'offline':
      return t('sources.explain.offline');
    case 'rate_limited':
      return t('sources.explain.rateLimited');
    case 'auth_error':
      return t('sources.explain.authError');
    case 'config_error':
      return t('sources.explain.configError');
    default:
      return t('sources.explain.error');
  }
}

/**
 * `sources.test` answers with the core's sentence only: its kind is read back from the wording so the
 * result can be said in the interface's language.
 */
export function testFailureKind(message: string): 'offline' | 'auth' | 'rate' | 'config' | 'other' {
  if (/cannot reach|no answer from|ECONN|ENOTFOUND|EAI_AGAIN|timed? ?out/i.test(message)) return 'offline';
  if (/credential|token|api key|HTTP 40[13]|secret/i.test(message)) return 'auth';
  if (/rate limit|HTTP 429|quota/i.test(message)) return 'rate';
  if (/HTTP 4\d\d|settings|^[\w.]+: /i.test(message)) return 'config';
  return 'other';
}
