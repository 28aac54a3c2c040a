// A case's clock: the cooldown, and the per-minute watch that suggests or withdraws the all clear.
import { VigieError } from '../errors';
import { formatDuration, HOUR, MINUTE } from './format';
import type { Actor, MinuteCount, ProtectionCase } from './protection-case-model';
import { clone, floorMinute, fmtRate, push, withNote } from './protection-case-journal';

/** A quiet period is mentioned in the timeline once it has lasted this long. */
const QUIET_LOG_MS = 30 * MINUTE;

/** Starts the cooldown again from `at` (optionally with another length, e.g. CPJ's 48 h). */
export function restartCooldown(c0: ProtectionCase, actor: Actor & { durationMs?: number }): ProtectionCase {
  const c = clone(c0);
  const durationMs = actor.durationMs ?? c.cooldown.durationMs;
  if (!Number.isInteger(durationMs) || durationMs <= 0)
    throw new VigieError('invalid_cooldown', 'The cooldown must be a positive duration.');
  c.cooldown = { durationMs, startedAt: actor.at, until: actor.at + durationMs, elapsedNoted: false };
  push(
    c,
    actor.at,
    'cooldown_restarted',
    actor.by,
    withNote(
      {
        fr: `Délai relancé : ${formatDuration(durationMs, 'fr')}.`,
        en: `Cooldown restarted: ${formatDuration(durationMs, 'en')}.`,
      },
      actor.note,
    ),
    { durationMs, until: c.cooldown.until },
  );
  return c;
}

/** Earliest minute for which `observe` needs counts (the rate window before the next minute). */
export function watchCountsFrom(c: ProtectionCase): number {
  return c.watch.evaluatedUntil - c.watch.config.rateWindowMs;
}

/**
 * Feeds the watch with per-minute counts of mentions of the person, covering at least
 * [`watchCountsFrom(case)`, now); minutes absent from `counts` count as 0. Evaluates every
 * complete minute since the last call, notes the end of the cooldown, suggests or withdraws the
 * all clear. Does nothing to a closed case.
 */
export function observe(c0: ProtectionCase, counts: readonly MinuteCount[], now: number): ProtectionCase {
  const c = clone(c0);
  if (c.status === 'closed') return c;
  const w = c.watch;
  const cfg = w.config;
  const byMinute = new Map<number, number>();
  for (const x of counts) {
    const m = floorMinute(x.minute);
    byMinute.set(m, (byMinute.get(m) ?? 0) + Math.max(0, x.count));
  }
  const perHour = HOUR / cfg.rateWindowMs;
  const windowMinutes = cfg.rateWindowMs / MINUTE;
  const last = floorMinute(now); // minutes strictly before this one are complete
  let m = w.evaluatedUntil;
  let windowSum = 0;
  for (let k = 1; k <= windowMinutes; k++) windowSum += byMinute.get(m - k * MINUTE) ?? 0;

  while (m < last) {
    windowSum += byMinute.get(m) ?? 0;
    windowSum -= byMinute.get(m - cfg.rateWindowMs) ?? 0;
    const te = m + MINUTE;
    noteCooldown(c, te);
    const rate = windowSum * perHour;
    w.lastRatePerHour = rate;
    if (rate <= w.baseline.perHour) {
      if (w.quietSince === null) {
        w.quietSince = te;
        w.quietNoted = false;
      }
      const quietFor = te - w.quietSince;
      if (!w.quietNoted && quietFor >= Math.min(QUIET_LOG_MS, cfg.quietMs)) {
        w.quietNoted = true;
        push(
          c,
          te,
          'watch_quiet',
          null,
          {
            fr: `Mentions revenues sous le rythme habituel (${fmtRate(rate)}/h ≤ ${fmtRate(w.baseline.perHour)}/h) depuis ${formatDuration(quietFor, 'fr')}.`,
            en: `Mentions back under the normal rate (${fmtRate(rate)}/h ≤ ${fmtRate(w.baseline.perHour)}/h) for ${formatDuration(quietFor, 'en')}.`,
          },
          { quietSince: w.quietSince, ratePerHour: rate, baselinePerHour: w.baseline.perHour },
        );
      }
      const cooldownOk = !cfg.requireCooldownElapsed || te >= c.cooldown.until;
      const notSuppressed = w.suppressedUntil === null || te >= w.suppressedUntil;
      if (c.status === 'open' && quietFor >= cfg.quietMs && cooldownOk && notSuppressed) {
        c.status = 'all_clear_suggested';
        w.suggestedAt = te;
        push(
          c,
          te,
          'all_clear_suggested',
          null,
          {
            fr: `Levée de l’alerte suggérée : sous le rythme habituel depuis ${formatDuration(quietFor, 'fr')}. À décider par un humain.`,
            en: `All clear suggested: under the normal rate for ${formatDuration(quietFor, 'en')}. A human decides.`,
          },
          { quietSince: w.quietSince, quietForMs: quietFor, baselinePerHour: w.baseline.perHour },
        );
      }
    } else if (w.quietSince !== null || c.status === 'all_clear_suggested') {
      const quietFor = w.quietSince === null ? 0 : te - w.quietSince;
      const noted = w.quietNoted;
      w.quietSince = null;
      w.quietNoted = false;
      if (noted || c.status === 'all_clear_suggested') {
        w.relapses += 1;
        push(
          c,
          te,
          'watch_relapse',
          null,
          {
            fr: `Reprise : ${fmtRate(rate)} mentions/h, au-dessus du rythme habituel (${fmtRate(w.baseline.perHour)}/h) ; période calme remise à zéro après ${formatDuration(quietFor, 'fr')}.`,
            en: `Relapse: ${fmtRate(rate)} mentions/h, above the normal rate (${fmtRate(w.baseline.perHour)}/h); quiet period reset after ${formatDuration(quietFor, 'en')}.`,
          },
          { ratePerHour: rate, baselinePerHour: w.baseline.perHour, quietForMs: quietFor },
        );
      }
      if (c.status === 'all_clear_suggested') {
        c.status = 'open';
        w.suggestedAt = null;
        push(
          c,
          te,
          'all_clear_withdrawn',
          null,
          {
            fr: 'Suggestion de levée retirée : l’attaque reprend.',
            en: 'All-clear suggestion withdrawn: the attack resumes.',
          },
          { ratePerHour: rate },
        );
      }
    }
    m += MINUTE;
  }
  w.evaluatedUntil = Math.max(w.evaluatedUntil, last);
  noteCooldown(c, now);
  return c;
}

function noteCooldown(c: ProtectionCase, at: number): void {
  if (c.cooldown.elapsedNoted || at < c.cooldown.until) return;
  c.cooldown.elapsedNoted = true;
  push(
    c,
    c.cooldown.until,
    'cooldown_elapsed',
    null,
    {
      fr: `Délai de ${formatDuration(c.cooldown.durationMs, 'fr')} écoulé : réévaluer la situation avec la personne.`,
      en: `Cooldown of ${formatDuration(c.cooldown.durationMs, 'en')} over: review the situation with the person.`,
    },
    { until: c.cooldown.until },
  );
}
