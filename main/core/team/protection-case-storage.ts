// How a case is stored: its JSON, its `protection_cases` row, and the events not mirrored yet.
import {
  protectionCaseSchema,
  type CaseEvent,
  type CaseStatus,
  type PersonKind,
  type ProtectionCase,
} from './protection-case-model';

export function serializeCase(c: ProtectionCase): string {
  return JSON.stringify(c);
}

export function parseCase(json: string | unknown): ProtectionCase {
  return protectionCaseSchema.parse(typeof json === 'string' ? JSON.parse(json) : json);
}

/** Events newer than `seq` (what the store has not mirrored into the timeline yet). */
export function eventsSince(c: ProtectionCase, seq: number): CaseEvent[] {
  return c.events.filter((e) => e.seq > seq);
}

/** Row for the `protection_cases` table (see schema.sql.ts). */
export function protectionCaseRow(c: ProtectionCase): {
  id: string;
  incident_id: string | null;
  person_name: string;
  person_kind: PersonKind;
  handles: string;
  status: CaseStatus;
  started_at: number;
  cooldown_ms: number;
  cooldown_until: number;
  delegate_member_id: string | null;
  closed_at: number | null;
  steps: string;
  state: string;
  updated_at: number;
} {
  return {
    id: c.id,
    incident_id: c.incidentId,
    person_name: c.person.name,
    person_kind: c.person.kind,
    handles: JSON.stringify(c.person.handles),
    status: c.status,
    started_at: c.openedAt,
    cooldown_ms: c.cooldown.durationMs,
    cooldown_until: c.cooldown.until,
    delegate_member_id: c.delegate?.memberId ?? null,
    closed_at: c.closedAt,
    steps: JSON.stringify(
      c.steps.map((s) => ({ id: s.id, doneAt: s.doneAt, doneBy: s.doneBy, note: s.note })),
    ),
    state: serializeCase(c),
    updated_at: Math.max(c.openedAt, c.events.at(-1)?.at ?? 0, c.watch.evaluatedUntil),
  };
}
