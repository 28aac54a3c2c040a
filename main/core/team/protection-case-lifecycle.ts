// A case's life: opening, monitoring delegate, the human all-clear decision, closing, reopening.
import { VigieError } from '../errors';
import { formatDuration, oneLine } from './format';
import type { ProtectionPlaybook } from './playbook';
import { computeBaseline, logBaseline } from './protection-baseline';
import {
  DEFAULT_COOLDOWN_MS,
  DEFAULT_WATCH_CONFIG,
  protectionCaseSchema,
  watchConfigSchema,
  type Actor,
  type MinuteCount,
  type PersonKind,
  type ProtectionCase,
  type WatchConfig,
} from './protection-case-model';
import { completeTriggered } from './protection-steps';
import { clone, floorMinute, push, withNote } from './protection-case-journal';

export interface OpenCaseInput {
  id: string;
  incidentId?: string | null;
  person: {
    name: string;
    kind: PersonKind;
    handles: { platform: string; handle: string }[];
    keywords?: string[];
  };
  openedAt: number;
  openedBy: string;
  playbook: ProtectionPlaybook;
  cooldownMs?: number;
  watch?: Partial<WatchConfig>;
  /** Per-minute counts of mentions of the person before the case (for the baseline). */
  baselineCounts?: readonly MinuteCount[];
  delegate?: { memberId: string | null; name: string } | null;
}

export function openCase(input: OpenCaseInput): ProtectionCase {
  const config = watchConfigSchema.parse({ ...DEFAULT_WATCH_CONFIG, ...input.watch });
  const cooldownMs = input.cooldownMs ?? DEFAULT_COOLDOWN_MS;
  if (!Number.isInteger(cooldownMs) || cooldownMs <= 0)
    throw new VigieError('invalid_cooldown', 'The cooldown must be a positive duration.');
  const at = input.openedAt;
  const baseline = computeBaseline(input.baselineCounts ?? [], at, config);
  const c: ProtectionCase = {
    v: 1,
    id: input.id,
    incidentId: input.incidentId ?? null,
    person: {
      name: input.person.name,
      kind: input.person.kind,
      handles: input.person.handles.map((h) => ({ platform: h.platform, handle: h.handle })),
      keywords: input.person.keywords ?? [],
    },
    openedAt: at,
    openedBy: input.openedBy,
    status: 'open',
    closedAt: null,
    delegate: null,
    playbook: { id: input.playbook.id, version: input.playbook.version },
    steps: input.playbook.steps.map((s) => ({
      id: s.id,
      owner: s.owner,
      requires: [...s.requires],
      title: { ...s.title },
      detail: { ...s.detail },
      doneAt: null,
      doneBy: null,
      note: null,
      forced: false,
      ...(s.doneWhen ? { doneWhen: s.doneWhen } : {}),
    })),
    followUps: input.playbook.followUpOffsetsMs.map((o) => ({
      dueAt: at + o,
      doneAt: null,
      doneBy: null,
      note: null,
    })),
    cooldown: { durationMs: cooldownMs, startedAt: at, until: at + cooldownMs, elapsedNoted: false },
    watch: {
      config,
      baseline,
      evaluatedUntil: floorMinute(at),
      quietSince: null,
      quietNoted: false,
      lastRatePerHour: null,
      suggestedAt: null,
      suppressedUntil: null,
      relapses: 0,
    },
    seq: 0,
    events: [],
  };
  protectionCaseSchema.parse(c);
  const name = oneLine(c.person.name);
  push(
    c,
    at,
    'case_opened',
    input.openedBy,
    {
      // The end of the cooldown is in `data` (the screens show it in the user's zone): the text says how long.
      fr: `Mise à l’abri ouverte pour ${name} ; délai de ${formatDuration(cooldownMs, 'fr')}.`,
      en: `Protection case opened for ${name}; cooldown of ${formatDuration(cooldownMs, 'en')}.`,
    },
    { personKind: c.person.kind, handles: c.person.handles, cooldownMs },
  );
  logBaseline(c, at, input.openedBy);
  if (!input.delegate) return c;
  applyDelegate(c, input.delegate, at, input.openedBy);
  return completeTriggered(c, 'delegate_named', {
    at,
    by: input.openedBy,
    note: oneLine(input.delegate.name),
  });
}

export function setDelegate(
  c0: ProtectionCase,
  delegate: { memberId: string | null; name: string } | null,
  actor: Actor,
): ProtectionCase {
  const c = clone(c0);
  applyDelegate(c, delegate, actor.at, actor.by);
  return delegate ? completeTriggered(c, 'delegate_named', { ...actor, note: oneLine(delegate.name) }) : c;
}

function applyDelegate(
  c: ProtectionCase,
  delegate: { memberId: string | null; name: string } | null,
  at: number,
  by: string,
): void {
  c.delegate = delegate ? { memberId: delegate.memberId, name: delegate.name } : null;
  const name = delegate ? oneLine(delegate.name) : null;
  push(
    c,
    at,
    'delegate_set',
    by,
    name
      ? {
          fr: `${name} surveille les mentions à la place de la personne.`,
          en: `${name} monitors the mentions instead of the person.`,
        }
      : { fr: 'Plus de délégué à la surveillance.', en: 'No monitoring delegate any more.' },
    { delegate: c.delegate },
  );
}

/** The human decision on a suggested all clear. */
export function decideAllClear(
  c0: ProtectionCase,
  decision: 'accept' | 'reject',
  actor: Actor,
): ProtectionCase {
  if (c0.status !== 'all_clear_suggested')
    throw new VigieError('no_all_clear', 'There is no all-clear suggestion to decide on.');
  const c = clone(c0);
  if (decision === 'accept') {
    push(
      c,
      actor.at,
      'all_clear_accepted',
      actor.by,
      withNote({ fr: 'Levée de l’alerte acceptée.', en: 'All clear accepted.' }, actor.note),
      { suggestedAt: c.watch.suggestedAt },
    );
    close(c, actor.at, actor.by, null);
  } else {
    c.status = 'open';
    c.watch.suppressedUntil = actor.at + c.watch.config.quietMs;
    c.watch.suggestedAt = null;
    push(
      c,
      actor.at,
      'all_clear_rejected',
      actor.by,
      withNote(
        {
          fr: `Levée refusée : prochaine suggestion au plus tôt après ${formatDuration(c.watch.config.quietMs, 'fr')}.`,
          en: `All clear rejected: next suggestion after ${formatDuration(c.watch.config.quietMs, 'en')} at the earliest.`,
        },
        actor.note,
      ),
      { suppressedUntil: c.watch.suppressedUntil },
    );
  }
  return c;
}

/** Closes the case without waiting for a suggestion (a human decision, recorded). */
export function closeCase(c0: ProtectionCase, actor: Actor): ProtectionCase {
  if (c0.status === 'closed') throw new VigieError('case_closed', 'The case is already closed.');
  const c = clone(c0);
  close(c, actor.at, actor.by, actor.note ?? null);
  return c;
}

function close(c: ProtectionCase, at: number, by: string, note: string | null): void {
  c.status = 'closed';
  c.closedAt = at;
  c.watch.suggestedAt = null;
  push(
    c,
    at,
    'case_closed',
    by,
    withNote({ fr: 'Mise à l’abri close.', en: 'Protection case closed.' }, note),
    {},
  );
}

export function reopenCase(c0: ProtectionCase, actor: Actor): ProtectionCase {
  if (c0.status !== 'closed') throw new VigieError('case_open', 'The case is not closed.');
  const c = clone(c0);
  c.status = 'open';
  c.closedAt = null;
  c.watch.quietSince = null;
  c.watch.quietNoted = false;
  c.watch.suppressedUntil = null;
  c.watch.evaluatedUntil = Math.max(c.watch.evaluatedUntil, floorMinute(actor.at));
  push(
    c,
    actor.at,
    'case_reopened',
    actor.by,
    withNote({ fr: 'Mise à l’abri rouverte.', en: 'Protection case reopened.' }, actor.note),
    {},
  );
  return c;
}
