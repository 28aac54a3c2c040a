// What the team feature does on every screen, once per page: reports the local user's input activity
// (idle time counts as a natural break), records the mentions they open (exposure), and turns the
// core's break notifications into toasts and system notifications for the right person.
import i18next from 'i18next';
import type { EventPayload } from '../../../shared/contract';
import { api } from '../../api';
import { onMentionOpened } from '../../lib/mention-events';
import { throttle } from '../../lib/throttle';
import { useTeamStore } from './store';

/** Below the core's activity granularity (5 s): an active user is never seen idle. */
const ACTIVITY_EVERY_MS = 4000;
const HEARTBEAT_MS = 15_000;

let started = false;

export function ensureTeamBackground(): void {
  if (started) return;
  started = true;
  startActivityReporter();
  onMentionOpened((mentionId) => {
    void api.call('team.exposure.opened', { mentionId }).catch(() => undefined);
  });
  const reload = throttle(() => void useTeamStore.getState().load(), 1000);
  api.on('team.changed', reload);
  api.on('team.notification', (n) => void notify(n));
  setInterval(reload, HEARTBEAT_MS);
  void useTeamStore.getState().load();
}

function startActivityReporter(): void {
  let active = false;
  const mark = () => {
    active = true;
  };
  for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const) {
    window.addEventListener(type, mark, { passive: true, capture: true });
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') mark();
  });
  setInterval(() => {
    if (!active || document.visibilityState !== 'visible') return;
    active = false;
    void api.call('team.activity', {}).catch(() => undefined);
  }, ACTIVITY_EVERY_MS);
}

async function notify(n: EventPayload<'team.notification'>): Promise<void> {
  const store = useTeamStore.getState();
  if (!store.board) await store.load();
  const board = useTeamStore.getState().board;
  const local = board?.members.find((m) => m.id === board.localMemberId) ?? null;
  const forMe = n.audience === 'member' && local !== null && n.memberId === local.id;
  // The lead's copy of their own break is the member's copy: shown once.
  const forLead =
    n.audience === 'lead' && (local === null || (local.role === 'lead' && n.memberId !== local.id));
  if (!forMe && !forLead) return;
  const tone =
    n.kind === 'break_overdue' || n.kind === 'daily_limit'
      ? 'danger'
      : n.kind === 'break_complete'
        ? 'info'
        : 'warn';
  store.pushToast({ id: n.id, memberName: n.memberName, text: { fr: n.message_fr, en: n.message_en }, tone });
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const en = i18next.language.startsWith('en');
    try {
      new Notification(forLead ? n.memberName : 'Vigie', {
        body: en ? n.message_en : n.message_fr,
        tag: n.id,
      });
    } catch {
      // some shells refuse page notifications: the toast is there
    }
  }
}
