import type { Mention } from '../../../shared/model';

export type MentionStatus = Mention['status'];
const STATUS_SET: Record<MentionStatus, true> = { new: true, seen: true, handled: true, escalated: true };
/** Every triage status, in workflow order (a value list the renderer can hold without zod). */
export const MENTION_STATUSES = Object.keys(STATUS_SET) as MentionStatus[];
