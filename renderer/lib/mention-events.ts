// Page-wide signal that the local user opened a mention (focused it in the feed, read its detail).
// The feed announces it; the team feature counts it as exposure. Neither imports the other.
const EVENT = 'vigie:mention-opened';

export function announceMentionOpened(mentionId: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: mentionId }));
}

export function onMentionOpened(listener: (mentionId: string) => void): () => void {
  const handle = (e: Event) => listener((e as CustomEvent<string>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
