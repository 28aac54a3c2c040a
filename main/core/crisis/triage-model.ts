// Triage model: the public shapes (status, routing entry, evidence, bulk result) and the evidence
// hash, which proves a frozen copy was not altered since it was pinned.
import { createHash } from 'node:crypto';
import type { MENTION_STATUSES } from '../../../shared/model';

export type MentionStatus = (typeof MENTION_STATUSES)[number];

export interface RoutingEntry {
  id: number;
  incidentId: string;
  mentionId: string;
  service: string;
  previousService: string | null;
  note: string;
  routedAt: number;
  routedBy: string | null;
  batchId: string | null;
}

export interface Evidence {
  id: number;
  incidentId: string;
  mentionId: string;
  platform: string;
  url: string | null;
  authorHandle: string;
  authorName: string | null;
  text: string;
  mentionCreatedAt: number;
  sha256: string;
  note: string;
  pinnedAt: number;
  pinnedBy: string | null;
  unpinnedAt: number | null;
  unpinnedBy: string | null;
}

/** The mention fields copied at pin time (and hashed): later edits of the mention do not reach them. */
export type Frozen = Pick<
  Evidence,
  'mentionId' | 'platform' | 'url' | 'authorHandle' | 'authorName' | 'text' | 'mentionCreatedAt'
>;

export interface BulkResult {
  /** Mentions whose row changed. */
  changed: number;
  mentionIds: string[];
  batchId: string | null;
}

/** sha256 over the frozen fields, in a fixed order: shows the copy was not altered since pinned. */
export function evidenceHash(e: Frozen): string {
  const canonical = JSON.stringify([
    e.mentionId,
    e.platform,
    e.url,
    e.authorHandle,
    e.authorName,
    e.text,
    e.mentionCreatedAt,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function verifyEvidence(e: Evidence): boolean {
  return evidenceHash(e) === e.sha256;
}
