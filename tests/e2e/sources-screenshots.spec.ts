// The Sources screen in web mode, photographed at 1366×768 in French and English: the source list with
// its form, and an import in progress. Each shot also checks that no string of the other language shows.
import type { Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';
import { foreignStrings, mastodonTimeline, openSources, UNREACHABLE } from './sources-helpers';

test.describe('screenshots', () => {
  test.use({ serveArgs: ['--no-demo'] });

  async function addSource(page: Page, type: string, name: string, fill: Record<string, string>) {
    await page.getByTestId('source-add').click();
    const form = page.getByTestId('source-form');
    await form.getByTestId('source-form-type').selectOption(type);
    await form.getByTestId('source-form-name').fill(name);
    for (const [key, value] of Object.entries(fill)) {
      if (key.startsWith('mode:')) await form.getByTestId(`source-mode-${value}`).check();
      else if (key === 'advanced') await form.locator('.advanced summary').click();
      else await form.getByTestId(`source-field-${key}`).fill(value);
    }
    await form.getByTestId('source-form-save').click();
    await expect(form).toBeHidden();
  }

  test('the Sources screen at 1366×768, FR then EN', async ({ warroom: page, pageProblems }) => {
    await openSources(page);
    await addSource(page, 'mastodon', 'Ondaline — mot-dièse Mastodon', {
      hashtag: 'ondaline',
      baseUrl: UNREACHABLE,
    });
    await addSource(page, 'bluesky', 'Compte officiel Bluesky', {
      'mode:': 'actor',
      actor: 'ondaline.bsky.social',
      baseUrl: UNREACHABLE,
    });
    await addSource(page, 'twitter', 'Recherche X « panne ondaline »', {
      query: 'panne ondaline -is:retweet',
      baseUrl: UNREACHABLE,
      advanced: '',
      tokenEnv: 'VIGIE_E2E_MISSING_TOKEN',
    });
    const cards = page.getByTestId('source-card');
    await expect(cards).toHaveCount(3);
    const bluesky = cards.filter({ hasText: 'Compte officiel Bluesky' });
    await bluesky.getByTestId('source-pause').click();
    await expect(bluesky.getByTestId('source-status')).toHaveText('en pause');
    await expect(cards.filter({ hasText: 'Recherche X' })).toHaveAttribute('data-status', 'auth_error');
    await expect(cards.filter({ hasText: 'mot-dièse' })).toHaveAttribute('data-status', 'offline');

    const broken = JSON.parse(mastodonTimeline('Capture', 3)) as Record<string, unknown>[];
    await page.getByTestId('import-input').setInputFiles({
      name: 'export-mastodon-cellule.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify([
          ...broken,
          { ...broken[0], id: '11400000000000998', created_at: 'mardi dernier' },
          { ...broken[0], id: '11400000000000999', account: undefined },
        ]),
      ),
    });
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-quarantined', '2');
    await page.getByTestId('import-input').setInputFiles({
      name: 'notes-reunion.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Point presse à 16 h.\n'),
    });
    await expect(page.getByTestId('import-error')).toBeVisible();
    await expect(page.getByTestId('quarantine-row')).toHaveCount(2);
    await page.getByTestId('quarantine-toggle').first().click();

    expect(await foreignStrings(page, 'fr')).toEqual([]);
    await screenshot(page, 'sources-fr-1366');
    await page.getByTestId('source-add').click();
    await page.getByTestId('source-form').getByTestId('source-test').click();
    await expect(page.getByTestId('source-field-baseUrl-error')).toBeVisible();
    await screenshot(page, 'sources-fr-form-1366');
    await page.keyboard.press('Escape');

    await page.getByTestId('lang-en').click();
    await expect(page.getByRole('heading', { name: 'Followed sources' })).toBeVisible();
    await expect(cards.filter({ hasText: 'mot-dièse' }).getByTestId('source-status')).toContainText(
      'offline',
    );
    await expect(bluesky.getByTestId('source-status')).toHaveText('paused');
    await expect(page.getByTestId('quarantine-reason').first()).toHaveText('No identifiable author');
    expect(await foreignStrings(page, 'en')).toEqual([]);
    await screenshot(page, 'sources-en-1366');
    await cards.filter({ hasText: 'mot-dièse' }).getByTestId('source-edit').click();
    await page.getByTestId('source-form').getByTestId('source-test').click();
    await expect(page.getByTestId('source-test-result')).toContainText('Connection failed');
    expect(await foreignStrings(page, 'en')).toEqual([]);
    await screenshot(page, 'sources-en-form-1366');
    expect(pageProblems).toEqual([]);
  });
  test('an import in progress, FR and EN', async ({ warroom: page, vigie: server, pageProblems }) => {
    // The core's answer to import.commit is held back until the pictures are taken: the bar stays at
    // its last progress event, as it does on a slow machine.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.routeWebSocket(/\/ws/, (ws) => {
      const server = ws.connectToServer();
      const commits = new Set<number>();
      ws.onMessage((raw) => {
        const msg = JSON.parse(String(raw)) as { id: number; call: string };
        if (msg.call === 'import.commit') commits.add(msg.id);
        server.send(raw);
      });
      server.onMessage((raw) => {
        const msg = JSON.parse(String(raw)) as { id?: number };
        if (msg.id !== undefined && commits.has(msg.id)) void held.then(() => ws.send(raw));
        else ws.send(raw);
      });
    });
    await page.reload();
    await openSources(page);
    const file = path.join(server.dir, 'export-mastodon-cellule-de-crise.json');
    await fs.writeFile(file, mastodonTimeline('Progression', 6_000));
    await page.getByTestId('import-input').setInputFiles(file);
    const progress = page.getByTestId('import-progress');
    await expect(progress).toHaveAttribute('data-done', '6000', { timeout: 60_000 });
    await expect(progress).toHaveAttribute('data-phase', 'processing');
    await expect(progress).toContainText(/Enregistrement : 6\s000 sur 6\s000 éléments · [\d\s]+ éléments\/s/);
    await screenshot(page, 'sources-fr-import-progress-1366');
    await page.getByTestId('lang-en').click();
    await expect(progress).toContainText(/Storing: 6,000 of 6,000 records · [\d,]+ records\/s/);
    await screenshot(page, 'sources-en-import-progress-1366');
    release();
    await expect(progress).toHaveAttribute('data-percent', '100');
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '6000');
    expect(pageProblems).toEqual([]);
  });
});
