import type { Page } from '@playwright/test';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { expect, test } from './fixtures';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** Interface strings of `other` that differ between the languages and could be spotted on screen. */
function foreignStrings(other: Tree, mine: Tree): string[] {
  const theirs = leaves(other);
  const ours = leaves(mine);
  return [...theirs.entries()]
    .filter(([key, text]) => ours.get(key) !== text && !text.includes('{{') && text.length >= 5)
    .map(([, text]) => text);
}

/** The interface's own text: the page minus the mention rows (user content, in any language). */
async function chromeText(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => {
    type Node = { remove(): void; getAttribute(name: string): string | null };
    const clone = body.cloneNode(true);
    clone.querySelectorAll('[data-testid="mention-row"]').forEach((row: Node) => row.remove());
    const labelled: Node[] = [...clone.querySelectorAll('[title],[aria-label],[placeholder]')];
    const attrs = labelled.flatMap((el) =>
      ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    // innerText needs layout: measure the clone while it is attached, then drop it.
    body.ownerDocument.documentElement.append(clone);
    const text: string = clone.innerText;
    clone.remove();
    return `${text}\n${attrs.join('\n')}`;
  });
}

/** Language names on the switch are written in their own language on purpose (endonyms). */
const ENDONYMS = new Set(['English', 'Français']);

/** A whole-word occurrence: "Alert" inside "Alerte" is French, not a stray English word. */
function containsWords(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

async function expectOnlyLanguage(page: Page, lang: 'fr' | 'en') {
  const text = await chromeText(page);
  const foreign = (lang === 'en' ? foreignStrings(fr, en) : foreignStrings(en, fr)).filter(
    (s) => !ENDONYMS.has(s),
  );
  expect(foreign.filter((s) => containsWords(text, s))).toEqual([]);
}

test.use({ preloadDemo: true });

test('the language switch translates the whole screen and persists', async ({
  warroom: page,
  pageProblems,
}) => {
  await expect(page.getByTestId('mention-row').first()).toBeVisible();
  await expect(page.getByTestId('incident-title')).toHaveText(fr.incident.demoTitle);
  await expectOnlyLanguage(page, 'fr');

  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('incident-title')).toHaveText(
    'Ondaline nationwide outage — social media storm',
  );
  await expect(page.getByRole('heading', { name: 'Live feed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mention volume' })).toBeVisible();
  await expect(page.getByTestId('level-badge')).toHaveText('Watch');
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');
  // Numbers follow the locale: "3,947" in English, "3 947" (narrow no-break space) in French.
  await expect(page.getByTestId('counter-total')).toContainText(/\d,\d{3}/);
  await expectOnlyLanguage(page, 'en');

  await page.reload();
  await expect(page.getByTestId('incident-title')).toHaveText(
    'Ondaline nationwide outage — social media storm',
  );
  await expect(page.getByTestId('mention-row').first()).toBeVisible();
  await expectOnlyLanguage(page, 'en');

  await page.getByTestId('lang-fr').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Flux en direct' })).toBeVisible();
  await expect(page.getByTestId('counter-total')).toContainText(/\d\u202f\d{3}/);
  await page.reload();
  await expect(page.getByTestId('incident-title')).toHaveText(fr.incident.demoTitle);
  await expectOnlyLanguage(page, 'fr');
  expect(pageProblems).toEqual([]);
});
