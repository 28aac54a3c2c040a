// The case's checklist: playbook steps in order (forced steps said so), step notes, wellbeing follow-ups.
import { VigieError } from '../errors';
import type { Bilingual } from './format';
import type { StepTrigger } from './playbook';
import type { Actor, ProtectionCase } from './protection-case-model';
import { clone, findStep, push, withNote } from './protection-case-journal';

export function completeStep(
  c0: ProtectionCase,
  stepId: string,
  actor: Actor & { force?: boolean },
): ProtectionCase {
  const c = clone(c0);
  const step = findStep(c, stepId);
  if (step.doneAt !== null) throw new VigieError('step_done', `Step ${stepId} is already done.`);
  const missing = step.requires.filter((r) => findStep(c, r).doneAt === null);
  if (missing.length > 0 && !actor.force) {
    throw new VigieError('step_blocked', `Step ${stepId} must wait for: ${missing.join(', ')}.`);
  }
  step.doneAt = actor.at;
  step.doneBy = actor.by;
  step.note = actor.note ?? step.note;
  step.forced = missing.length > 0;
  const forced: Bilingual | null = step.forced
    ? {
        fr: ` — FAIT AVANT : ${missing.map((m) => findStep(c, m).title.fr).join(', ')}`,
        en: ` — DONE BEFORE: ${missing.map((m) => findStep(c, m).title.en).join(', ')}`,
      }
    : null;
  push(
    c,
    actor.at,
    'step_done',
    actor.by,
    withNote(
      {
        fr: `Étape faite : ${step.title.fr}${forced?.fr ?? ''}.`,
        en: `Step done: ${step.title.en}${forced?.en ?? ''}.`,
      },
      actor.note,
    ),
    { stepId, forced: step.forced, missing },
  );
  return c;
}

export function reopenStep(c0: ProtectionCase, stepId: string, actor: Actor): ProtectionCase {
  const c = clone(c0);
  const step = findStep(c, stepId);
  if (step.doneAt === null) throw new VigieError('step_not_done', `Step ${stepId} is not done.`);
  step.doneAt = null;
  step.doneBy = null;
  step.forced = false;
  push(
    c,
    actor.at,
    'step_reopened',
    actor.by,
    withNote(
      { fr: `Étape rouverte : ${step.title.fr}.`, en: `Step reopened: ${step.title.en}.` },
      actor.note,
    ),
    { stepId },
  );
  return c;
}

export function noteStep(
  c0: ProtectionCase,
  stepId: string,
  actor: Actor & { note: string },
): ProtectionCase {
  const c = clone(c0);
  const step = findStep(c, stepId);
  step.note = actor.note;
  push(
    c,
    actor.at,
    'step_note',
    actor.by,
    withNote({ fr: `Note sur « ${step.title.fr} »`, en: `Note on “${step.title.en}”` }, actor.note),
    { stepId },
  );
  return c;
}

export function completeFollowUp(c0: ProtectionCase, index: number, actor: Actor): ProtectionCase {
  const c = clone(c0);
  const f = c.followUps[index];
  if (!f) throw new VigieError('unknown_followup', `No follow-up #${index + 1}.`);
  if (f.doneAt !== null) throw new VigieError('followup_done', `Follow-up #${index + 1} is already done.`);
  f.doneAt = actor.at;
  f.doneBy = actor.by;
  f.note = actor.note ?? null;
  push(
    c,
    actor.at,
    'followup_done',
    actor.by,
    withNote(
      { fr: `Suivi bien-être n° ${index + 1} fait.`, en: `Wellbeing follow-up #${index + 1} done.` },
      actor.note,
    ),
    { index, dueAt: f.dueAt },
  );
  return c;
}

/**
 * Ticks the open steps that `trigger` is (their playbook says `doneWhen`): naming the delegate is
 * "hand monitoring to a named colleague". A step still waiting on another stays for the cell to tick.
 */
export function completeTriggered(c: ProtectionCase, trigger: StepTrigger, actor: Actor): ProtectionCase {
  let next = c;
  for (const step of c.steps) {
    if (step.doneWhen !== trigger || step.doneAt !== null) continue;
    if (step.requires.some((r) => findStep(next, r).doneAt === null)) continue;
    next = completeStep(next, step.id, actor);
  }
  return next;
}

/** Mentions about the person frozen into the evidence dossier: logged, and the step it is ticked. */
export function recordEvidence(
  c0: ProtectionCase,
  counts: { added: number; total: number },
  actor: Actor,
): ProtectionCase {
  const c = clone(c0);
  push(
    c,
    actor.at,
    'evidence_frozen',
    actor.by,
    {
      fr: `${counts.added} mention${counts.added > 1 ? 's' : ''} gelée${counts.added > 1 ? 's' : ''} avec empreinte SHA-256 (${counts.total} au dossier).`,
      en: `${counts.added} mention${counts.added > 1 ? 's' : ''} frozen with SHA-256 (${counts.total} in the dossier).`,
    },
    counts,
  );
  return completeTriggered(c, 'evidence_frozen', { ...actor, note: null });
}
