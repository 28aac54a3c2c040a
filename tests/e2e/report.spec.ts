// The review screen in web mode, on the whole demo incident: write the review, preview, and download
// every format from the UI; the downloaded HTML is then opened in Chromium and must load nothing.
import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { expect, screenshot, test } from './fixtures';

test.use({ preloadDemo: true, serveArgs: ['--no-demo'] });

async function openReview(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/report`);
  await expect(page.getByTestId('report-screen')).toBeVisible();
  await expect(page.getByTestId('report-incident')).toHaveValue('demo');
}

async function downloadAs(page: Page, label: string, dir: string): Promise<{ file: string; name: string }> {
  await page.getByRole('radio', { name: label }).check();
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-download').click(),
  ]);
  const name = download.suggestedFilename();
  const file = path.join(dir, name);
  await download.saveAs(file);
  await expect(page.getByTestId('export-status')).toContainText(name);
  return { file, name };
}

test('writes the review and exports every format from the demo incident', async ({
  page,
  vigie,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  await openReview(page, vigie.url);
  const f = fr.report;

  // The cell writes its review, saves it, and the export carries it.
  await page
    .getByTestId('review-summary')
    .fill('La panne a duré une journée ; la cellule a répondu en 40 min.');
  await page
    .getByTestId('review-went-well')
    .fill('Prise de parole rapide\nAiguillage vers le service client');
  await page.getByTestId('review-went-badly').fill('Alerte tardive <script>alert(1)</script>');
  await page.getByRole('button', { name: f.review.addAction }).click();
  // The new row takes the keyboard: typing goes into it (a space no longer adds rows).
  await expect(page.getByRole('textbox', { name: f.review.action })).toBeFocused();
  await page.keyboard.type('Brancher le flux');
  await expect(page.getByTestId('review-action')).toHaveCount(1);
  await page.getByRole('textbox', { name: f.review.action }).fill('Brancher le flux Mastodon');
  await page.getByRole('textbox', { name: f.review.owner }).fill('Hugo');
  // The due date in French order (jj / mm / aaaa), whatever the browser's own locale: typing runs
  // from one field to the next.
  const due = page.getByRole('group', { name: f.review.due });
  await expect(due.getByRole('textbox')).toHaveCount(3);
  const placeholders = await due
    .getByRole('textbox')
    .evaluateAll((els) => els.map((el) => el.getAttribute('placeholder')));
  expect(placeholders).toEqual(['jj', 'mm', 'aaaa']);
  await due.getByRole('textbox', { name: fr.dateFields.day }).click();
  await page.keyboard.type('15122026');
  await expect(due.getByRole('textbox', { name: fr.dateFields.year })).toHaveValue('2026');
  await expect(page.getByText(f.export.saveFirst)).toBeVisible();
  await page.getByTestId('review-save').click();
  await expect(page.getByRole('status').filter({ hasText: f.review.saved })).toBeVisible();

  await page.getByRole('button', { name: f.export.refreshPreview }).click();
  const preview = page.getByTestId('export-preview');
  await expect(preview).toContainText('# Retour d’expérience');
  await expect(preview).toContainText('La panne a duré une journée');
  await expect(preview).toContainText('Brancher le flux Mastodon');
  await expect(preview).toContainText('| Brancher le flux Mastodon | Hugo | 2026-12-15 |');
  await screenshot(page, 'report-fr');

  const md = await downloadAs(page, f.export.formats.md, vigie.dir);
  expect(md.name).toBe('vigie-review-demo-fr.md');
  const mdText = await fs.readFile(md.file, 'utf8');
  expect(mdText).toContain('## Indicateurs clés');
  expect(mdText).toContain('\\<script\\>alert(1)\\</script\\>');

  const html = await downloadAs(page, f.export.formats.html, vigie.dir);
  const pdf = await downloadAs(page, f.export.formats.pdf, vigie.dir);
  const pdfBytes = await fs.readFile(pdf.file);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThanOrEqual(3);

  const csv = await downloadAs(page, f.export.formats.csv, vigie.dir);
  const csvText = await fs.readFile(csv.file, 'utf8');
  expect(csvText.startsWith('\ufeffid;platform;created_at;')).toBe(true);
  expect(csvText.split('\r\n').length).toBeGreaterThan(1000); // the demo's mentions

  const json = await downloadAs(page, f.export.formats.json, vigie.dir);
  const bundle = JSON.parse(await fs.readFile(json.file, 'utf8')) as {
    format: string;
    incident: { id: string };
    mentions: unknown[];
    review: { summary: string };
  };
  expect(bundle.format).toBe('vigie-incident-bundle');
  expect(bundle.incident.id).toBe('demo');
  expect(bundle.mentions.length).toBeGreaterThan(1000);
  expect(bundle.review.summary).toContain('La panne a duré une journée');
  expect(pageProblems).toEqual([]);

  // The exported HTML, opened in the browser: nothing is fetched, no script runs, no dialog opens.
  const viewer = await page.context().newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  viewer.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  viewer.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await viewer.goto(`file://${html.file}`);
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText('Retour d’expérience');
  await expect(viewer.locator('svg')).toHaveCount(2);
  expect(await viewer.locator('script').count()).toBe(0);
  await expect(viewer.getByText('Alerte tardive <script>alert(1)</script>')).toBeVisible();
  expect(requests).toEqual([]);
  expect(dialogs).toEqual([]);
  await viewer.setViewportSize({ width: 1100, height: 900 });
  await viewer.screenshot({ path: path.join('test-results', 'screenshots', 'report-html-export.png') });
  await viewer.close();
});

test('the review screen in English', async ({ page, vigie, pageProblems }) => {
  await openReview(page, vigie.url);
  const e = en.report;
  await page.getByTestId('lang-en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.title);
  await page.getByRole('radio', { name: e.export.formats.csv }).check();
  await expect(page.getByText(e.export.csvTable)).toBeVisible();
  await page.getByRole('button', { name: e.export.refreshPreview }).click();
  await expect(page.getByTestId('export-preview')).toContainText('id;platform;created_at');
  await page.getByRole('radio', { name: e.export.formats.md }).check();
  await page.getByRole('button', { name: e.export.refreshPreview }).click();
  await expect(page.getByTestId('export-preview')).toContainText('# Post-incident review');
  await screenshot(page, 'report-en');
  expect(pageProblems).toEqual([]);
});
