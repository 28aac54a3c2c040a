// "Go private" in web mode during the demo: a protection case opened from the war-room for the demo's
// targeted employee; its cooldown counts down, the playbook is walked, the evidence dossier exports
// (HTML, CSV, JSON) and opens; FR and EN looked at.
import type { Download, Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, screenshot, SCREENSHOT_DIR, test } from './fixtures';

test.use({ preloadDemo: true });

async function saved(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function exportAs(page: Page, format: 'html' | 'csv' | 'json', dir: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${format}`).click(),
  ]);
  return saved(download, dir);
}

test('a protection case for the targeted employee counts down and exports its evidence', async ({
  warroom: page,
  vigie,
  pageProblems,
  context,
}) => {
  await page.getByTestId('strip-protect').click();
  await expect(page.getByTestId('case-form')).toBeVisible();
  // The demo's targeted employee is suggested, with her handles.
  await page.getByTestId('use-suggestion').first().click();
  await expect(page.getByTestId('case-name')).toHaveValue('Julie Marchand');
  await expect(page.getByTestId('case-handle').first()).toHaveValue('julie_marchand');
  // A negative delay is refused in words, not replaced by the default.
  await page.getByTestId('case-hours').fill('-3');
  await page.getByTestId('case-open').click();
  await expect(page.getByTestId('case-hours-hint')).toHaveText(
    'Un nombre d’heures entre 0 et 720 (30 jours), par exemple 24 ou 48.',
  );
  await expect(page.getByTestId('case-view')).toHaveCount(0);
  await expect(page.getByRole('option', { name: 'LinkedIn' }).first()).toBeAttached();
  await expect(page.getByRole('option', { name: 'linkedin', exact: true })).toHaveCount(0);
  await page.getByTestId('case-hours').fill('24');
  await page.getByTestId('case-open').click();

  const view = page.getByTestId('case-view');
  await expect(view).toBeVisible();
  await expect(view.getByRole('heading', { name: /Julie Marchand/ })).toBeVisible();
  await expect(view.getByTestId('case-step')).toHaveCount(9);
  await expect(view.getByTestId('case-step').first()).toContainText('Vérifier d’abord la sécurité physique');

  // The cooldown counts down, from 24 h.
  const cooldown = view.getByTestId('cooldown');
  await expect(cooldown).toContainText(/Encore (23\s?h\s?59|24\s?h)/);
  const first = Number(await cooldown.getAttribute('data-remaining'));
  expect(first).toBeLessThanOrEqual(24 * 3_600_000);
  expect(first).toBeGreaterThan(24 * 3_600_000 - 60_000);
  await expect
    .poll(async () => Number(await cooldown.getAttribute('data-remaining')))
    .toBeLessThan(first - 1000);

  // The watch found her mentions; the evidence is preserved before blocking.
  await expect(view.getByTestId('watch-rate')).not.toHaveText('');
  await expect(view).toContainText(/\d+ mentions? la concernant en tout/);
  const block = view.locator('[data-step="report_and_block"]');
  await expect(block).toContainText('Après : Conserver les preuves AVANT de bloquer');
  await view.locator('[data-step="preserve_evidence"]').getByTestId('step-done').click();
  await expect(view.locator('[data-step="preserve_evidence"]')).toHaveAttribute('data-done', 'true');
  await expect(block).not.toContainText('Après :');

  await view.getByTestId('evidence-collect').click();
  await expect(view.getByTestId('evidence-result')).toContainText(/\d+ ajoutées?,/);
  // The case view reloads after the call answered: wait for the new count.
  await expect(view.getByTestId('evidence-count')).not.toHaveAttribute('data-count', '0');
  const count = Number(await view.getByTestId('evidence-count').getAttribute('data-count'));
  expect(count).toBeGreaterThan(10);

  // The case is on the incident timeline.
  await expect(view.getByTestId('case-log')).toContainText('Mise à l’abri ouverte pour Julie Marchand');
  await screenshot(page, 'protection-case-fr');

  // The dossier downloads in three formats and the HTML one opens.
  const html = await exportAs(page, 'html', vigie.dir);
  expect(path.basename(html)).toMatch(/^preuves-Julie-Marchand-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.html$/);
  const csv = await exportAs(page, 'csv', vigie.dir);
  const csvText = await fs.readFile(csv, 'utf8');
  expect(csvText.split('\r\n').filter(Boolean).length).toBe(count + 1);
  const json = JSON.parse(await fs.readFile(await exportAs(page, 'json', vigie.dir), 'utf8')) as {
    dossierSha256: string;
    items: { sha256: string; record: { text: string } }[];
  };
  expect(json.items).toHaveLength(count);
  expect(json.items.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  await expect(view.getByTestId('evidence-result')).toContainText(`${count} preuve${count > 1 ? 's' : ''}`);

  const opened = await context.newPage();
  await opened.goto(pathToFileURL(html).href);
  await expect(opened.locator('h1')).toContainText('Julie Marchand');
  await expect(opened.locator('section.item')).toHaveCount(count);
  await expect(opened.locator('section.item').first().locator('code.hash')).toHaveText(json.items[0]!.sha256);
  await expect(opened.locator('body')).toContainText(json.dossierSha256);
  // The top of the dossier (the whole file is one long page).
  await opened.screenshot({ path: path.join(SCREENSHOT_DIR, 'protection-dossier-fr.png') });
  await opened.close();

  await page.getByTestId('lang-en').click();
  await expect(view.getByTestId('case-step').first()).toContainText('Check physical safety first');
  await expect(cooldown).toContainText(/left/);
  await expect(page.locator('body')).not.toContainText('Étapes');
  await screenshot(page, 'protection-case-en');

  // Back in the war-room at the window's smallest size, in French: the strip says a case is open
  // and still reads every member's state whole; the log names the case's events.
  await page.getByTestId('lang-fr').click();
  await page.getByTestId('nav-warroom').click();
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator('.team-strip__cases')).toHaveText('1 mise à l’abri en cours');
  const cut = await page
    .locator('.team-chip__timer')
    .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  expect(cut).toEqual([]);
  const caseOpened = page.getByTestId('event-log-list').locator('[data-kind="protection.case_opened"]');
  await expect(caseOpened).toContainText('Mise à l’abri ouverte');
  await expect(page.getByTestId('event-log-list')).not.toContainText('protection.');
  await screenshot(page, 'protection-warroom-fr-1280');
  expect(pageProblems).toEqual([]);
});
