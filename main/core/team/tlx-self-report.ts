// NASA-TLX self-report (raw, unweighted): the six sliders, the raw score and when to offer the form.
import { z } from 'zod';
import { HOUR, MINUTE } from './format';

export const TLX_SCALES = ['mental', 'physical', 'temporal', 'performance', 'effort', 'frustration'] as const;
export type TlxScale = (typeof TLX_SCALES)[number];

const slider = z.number().int().min(0).max(100);
/**
 * Six 0..100 sliders. Mind `performance`: in NASA-TLX 0 is "perfect" and 100 is "failure", so that
 * high always means more load; the UI must label the slider that way.
 */
export const tlxReportSchema = z.object({
  at: z.number().int().nonnegative(),
  mental: slider,
  physical: slider,
  temporal: slider,
  performance: slider,
  effort: slider,
  frustration: slider,
});
export type TlxReport = z.infer<typeof tlxReportSchema>;

/** Raw TLX: the plain mean of the six sliders (Hart 2006), 0..100. */
export function rawTlx(report: Omit<TlxReport, 'at'>): number {
  const r = tlxReportSchema.omit({ at: true }).parse(report);
  return TLX_SCALES.reduce((sum, k) => sum + r[k], 0) / TLX_SCALES.length;
}

export interface TlxPromptInput {
  now: number;
  onDuty: boolean;
  /** Continuous duty so far (rest timer's onDutyMs). */
  onDutyMs: number;
  lastPromptedAt: number | null;
  lastReportAt: number | null;
}

export interface TlxPromptConfig {
  /** Never prompt more often than this (answered or dismissed). */
  minIntervalMs: number;
  /** Leave people alone at the start of their duty. */
  firstAfterMs: number;
}

export const DEFAULT_TLX_PROMPT: TlxPromptConfig = { minIntervalMs: 2 * HOUR, firstAfterMs: 30 * MINUTE };

/** Whether to offer the TLX self-report now: at most once every 2 h, on duty, not right away. */
export function tlxPromptDue(
  input: TlxPromptInput,
  config: TlxPromptConfig = DEFAULT_TLX_PROMPT,
): { prompt: boolean; nextAt: number | null } {
  if (!input.onDuty) return { prompt: false, nextAt: null };
  const last = Math.max(input.lastPromptedAt ?? -Infinity, input.lastReportAt ?? -Infinity);
  const byRate = last === -Infinity ? input.now : last + config.minIntervalMs;
  const byDuty = input.now + Math.max(0, config.firstAfterMs - input.onDutyMs);
  const nextAt = Math.max(byRate, byDuty);
  return { prompt: nextAt <= input.now, nextAt };
}
