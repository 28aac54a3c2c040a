// Triage of the rows the keyboard or the selection points at: status, assignment, routing, pin. Each
// goes through the crisis store (errors reported there) and is written into the loaded rows at once.
import { api } from '../../api';
import type { MentionStatus } from './statuses';
import { useCrisisStore } from '../crisis/store';
import { useFeedStore } from './store';

const incidentId = () => useCrisisStore.getState().state?.incident.id ?? null;

export async function setStatus(ids: string[], status: MentionStatus): Promise<boolean> {
  if (ids.length === 0) return false;
  const r = await useCrisisStore
    .getState()
    .act(
      'triage.setStatus',
      { incidentId: incidentId(), mentionIds: ids, status },
      status === 'seen' ? undefined : `crisis.notice.status.${status}`,
    );
  if (r) useFeedStore.getState().patch(r.mentionIds, { status });
  return Boolean(r);
}

/** Reading a new mention marks it seen (no incident event: reading is not an incident change). */
export function markSeen(id: string): void {
  const m = useFeedStore.getState().items.find((x) => x.id === id);
  if (m?.status !== 'new') return;
  useFeedStore.getState().patch([id], { status: 'seen' });
  api.call('triage.setStatus', { incidentId: null, mentionIds: [id], status: 'seen' }).catch(() => undefined);
}

export async function assign(ids: string[], member: string | null): Promise<boolean> {
  const incident = incidentId();
  if (!incident || ids.length === 0) return false;
  const r = await useCrisisStore
    .getState()
    .act('triage.assign', { incidentId: incident, mentionIds: ids, member }, 'crisis.notice.assigned');
  if (r) useFeedStore.getState().patch(r.mentionIds, { assignee: member });
  return Boolean(r);
}

export async function route(ids: string[], service: string, note: string): Promise<boolean> {
  const incident = incidentId();
  if (!incident || ids.length === 0) return false;
  const r = await useCrisisStore
    .getState()
    .act('triage.route', { incidentId: incident, mentionIds: ids, service, note }, 'crisis.notice.routed');
  if (r) {
    const feed = useFeedStore.getState();
    feed.patch(r.mentionIds, { routedTo: service });
    const escalate = feed.items.filter(
      (m) => r.mentionIds.includes(m.id) && (m.status === 'new' || m.status === 'seen'),
    );
    feed.patch(
      escalate.map((m) => m.id),
      { status: 'escalated' },
    );
  }
  return Boolean(r);
}

export async function pin(id: string): Promise<boolean> {
  const incident = incidentId();
  if (!incident) return false;
  return Boolean(
    await useCrisisStore
      .getState()
      .act('evidence.pin', { incidentId: incident, mentionId: id }, 'crisis.notice.pinned'),
  );
}
