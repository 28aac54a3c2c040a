// Where the keyboard goes when a dialog closes: back to what opened it, or, when the action removed
// that button (an approval given, a step done), to the first control left in the row, card or panel
// it was in, so a keyboard user goes on from there instead of from the top of the page.
const CONTROLS =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex="0"]';
const CONTAINERS = 'li, article, section, [role="tabpanel"]';

export interface FocusReturn {
  previous: HTMLElement | null;
  /** The containers around `previous`, nearest first. */
  around: HTMLElement[];
}

export function rememberFocus(): FocusReturn {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const around: HTMLElement[] = [];
  for (let el = previous?.parentElement?.closest<HTMLElement>(CONTAINERS); el;) {
    around.push(el);
    el = el.parentElement?.closest<HTMLElement>(CONTAINERS) ?? null;
  }
  return { previous, around };
}

export function restoreFocus({ previous, around }: FocusReturn): void {
  if (previous?.isConnected && previous !== document.body) {
    previous.focus();
    return;
  }
  for (const container of around) {
    const control = container.isConnected ? container.querySelector<HTMLElement>(CONTROLS) : null;
    if (control) {
      control.focus();
      return;
    }
  }
}
