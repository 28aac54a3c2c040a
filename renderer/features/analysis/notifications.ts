// Desktop notifications through the browser's Notification API (Electron's renderer has it too).
// Permission is asked only when the user clicks; without the API or the permission, nothing happens.

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

export function notifyPermission(): NotifyPermission {
  return supported() ? Notification.permission : 'unsupported';
}

export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (!supported()) return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return 'denied';
  }
}

/** At most one notification per interval: a storm raises several alerts in a few minutes. */
const MIN_INTERVAL_MS = 30_000;
let lastShown = -Infinity;

export function notifyDesktop(title: string, body: string): boolean {
  if (notifyPermission() !== 'granted') return false;
  const now = Date.now();
  if (now - lastShown < MIN_INTERVAL_MS) return false;
  try {
    new Notification(title, { body, tag: 'vigie-alert' });
    lastShown = now;
    return true;
  } catch {
    return false;
  }
}
