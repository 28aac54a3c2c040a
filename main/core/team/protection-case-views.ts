// What the screens show of a case at an instant: cooldown, progress, next step, all-clear ETA.
import { formatDuration, type Bilingual } from './format';
import type { CaseStatus, CaseStep, ProtectionCase } from './protection-case-model';

export interface CooldownView {
  startedAt: number;
  until: number;
  durationMs: number;
  remainingMs: number;
  elapsed: boolean;
  /** 0..1 */
  progress: number;
  label_fr: string;
  label_en: string;
}

export function cooldownView(c: ProtectionCase, now: number): CooldownView {
  const { startedAt, until, durationMs } = c.cooldown;
  const remainingMs = Math.max(0, until - now);
  const elapsed = remainingMs === 0;
  return {
    startedAt,
    until,
    durationMs,
    remainingMs,
    elapsed,
    progress: Math.min(1, Math.max(0, (now - startedAt) / durationMs)),
    label_fr: elapsed
      ? `Délai de ${formatDuration(durationMs, 'fr')} écoulé`
      : `Encore ${formatDuration(remainingMs, 'fr')} sur ${formatDuration(durationMs, 'fr')}`,
    label_en: elapsed
      ? `Cooldown of ${formatDuration(durationMs, 'en')} over`
      : `${formatDuration(remainingMs, 'en')} left of ${formatDuration(durationMs, 'en')}`,
  };
}

export interface CaseView {
  status: CaseStatus;
  stepsDone: number;
  stepsTotal: number;
  nextStep: { id: string; title: Bilingual; owner: CaseStep['owner']; blockedBy: string[] } | null;
  cooldown: CooldownView;
  baselinePerHour: number;
  lastRatePerHour: number | null;
  quietForMs: number;
  /** Earliest time the all clear can be suggested if it stays quiet; null while not quiet. */
  allClearEarliestAt: number | null;
  followUpsDue: { index: number; dueAt: number }[];
  nextFollowUpAt: number | null;
}

export function caseView(c: ProtectionCase, now: number): CaseView {
  const next = c.steps.find((s) => s.doneAt === null) ?? null;
  const w = c.watch;
  const quietSince = c.status === 'closed' ? null : w.quietSince;
  const pendingFollowUps = c.followUps.map((f, index) => ({ ...f, index })).filter((f) => f.doneAt === null);
  return {
    status: c.status,
    stepsDone: c.steps.filter((s) => s.doneAt !== null).length,
    stepsTotal: c.steps.length,
    nextStep: next && {
      id: next.id,
      title: next.title,
      owner: next.owner,
      blockedBy: next.requires.filter((r) => c.steps.find((s) => s.id === r)?.doneAt === null),
    },
    cooldown: cooldownView(c, now),
    baselinePerHour: w.baseline.perHour,
    lastRatePerHour: w.lastRatePerHour,
    quietForMs: quietSince === null ? 0 : Math.max(0, now - quietSince),
    allClearEarliestAt:
      quietSince === null
        ? null
        : Math.max(
            quietSince + w.config.quietMs,
            w.config.requireCooldownElapsed ? c.cooldown.until : 0,
            w.suppressedUntil ?? 0,
          ),
    followUpsDue: pendingFollowUps
      .filter((f) => f.dueAt <= now)
      .map((f) => ({ index: f.index, dueAt: f.dueAt })),
    nextFollowUpAt: pendingFollowUps.find((f) => f.dueAt > now)?.dueAt ?? null,
  };
}
