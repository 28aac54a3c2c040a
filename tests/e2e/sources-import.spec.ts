// The Sources screen in web mode: file import (picker and drag and drop) with its progress bar and
// summary, and refused files. The quarantine is in sources-quarantine.spec.ts, a source's life in
// sources-form.spec.ts, the screenshots in sources-screenshots.spec.ts; shared helpers in sources-helpers.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import {
  dropFile,
  FIXTURES,
  mastodonTimeline,
  ndjson,
  openSources,
  recordProgress,
  storedMatching,
} from './sources-helpers';

test.describe('empty store', () => {
  test.use({ serveArgs: ['--no-demo'] });

  test('a large NDJSON file through the picker, then an RSS feed dropped on the zone', async ({
    warroom: page,
    vigie: server,
    pageProblems,
  }) => {
    test.setTimeout(120_000);
    const file = path.join(server.dir, 'tempete-30000.ndjson');
    await fs.writeFile(file, ndjson(30_000, { prefix: 'big', marker: 'zeppelinoise' }));

    await openSources(page);
    const progressStates = await recordProgress(page);
    await page.getByTestId('import-input').setInputFiles(file);

    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(progress).toHaveAttribute('data-percent', '100', { timeout: 90_000 });
    await expect(progress).toContainText('Import terminé');
    await expect(progress).toContainText('100 %');
    // The bar moved through the upload, then followed the rows the core stored.
    const states = await progressStates();
    const at = (phase: string) => states.filter((s) => s.startsWith(`${phase}:`));
    expect(
      at('uploading').some((s) => Number(s.split(':')[1]) > 0),
      states.join(' '),
    ).toBe(true);
    expect(
      at('processing').some((s) => Number(s.split(':')[2]) > 0 && Number(s.split(':')[1]) < 100),
      states.join(' '),
    ).toBe(true);

    const result = page.getByTestId('import-result').filter({ hasText: 'tempete-30000.ndjson' });
    await expect(result).toHaveAttribute('data-inserted', '30000');
    await expect(result).toHaveAttribute('data-format', 'ndjson');
    await expect(result).toHaveAttribute('data-quarantined', '0');
    await expect(result).toContainText(/30\s000\s*nouvelles/);
    await expect(result).toContainText('lu comme NDJSON');
    await expect(page.getByTestId('quarantine-total')).toHaveAttribute('data-total', '0');

    // Importing the same file again stores nothing new.
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByTestId('import-result')).toHaveCount(2, { timeout: 90_000 });
    await expect(page.getByTestId('import-result').first()).toHaveAttribute('data-duplicates', '30000');
    await expect(page.getByTestId('import-result').first()).toHaveAttribute('data-inserted', '0');

    const rss = await fs.readFile(path.join(FIXTURES, 'feed.rss'), 'utf8');
    await dropFile(page, page.getByTestId('import-dropzone'), 'feed.rss', rss, 'application/rss+xml');
    const feed = page.getByTestId('import-result').filter({ hasText: 'feed.rss' });
    await expect(feed).toHaveAttribute('data-inserted', '3');
    await expect(feed).toHaveAttribute('data-format', 'rss');

    // Everything is in the store (the war-room needs an open incident to show its feed: see below).
    expect(await storedMatching(server.dbPath, 'zeppelinoise')).toHaveLength(1);
    expect(await storedMatching(server.dbPath, 'gyrophare')).toHaveLength(1);
    expect(pageProblems).toEqual([]);
  });

  test('a large Mastodon export through the picker: the bar follows the upload, then the stored rows', async ({
    warroom: page,
    vigie: server,
    pageProblems,
  }) => {
    // The same path as the NDJSON test above, with a format the core reads today (parsed whole, then
    // stored in batches that each report progress).
    test.setTimeout(120_000);
    const file = path.join(server.dir, 'export-mastodon-20000.json');
    await fs.writeFile(file, mastodonTimeline('Baleinoptère', 20_000));
    await openSources(page);
    const progressStates = await recordProgress(page);
    await page.getByTestId('import-input').setInputFiles(file);

    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('data-percent', '100', { timeout: 90_000 });
    await expect(progress).toContainText('Import terminé');
    const states = await progressStates();
    const at = (phase: string) => states.filter((s) => s.startsWith(`${phase}:`));
    expect(
      at('uploading').some((s) => Number(s.split(':')[1]) > 0),
      states.join(' '),
    ).toBe(true);
    expect(
      at('processing').some((s) => Number(s.split(':')[2]) > 0 && Number(s.split(':')[1]) < 100),
      states.join(' '),
    ).toBe(true);
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-inserted', '20000');
    await expect(result).toHaveAttribute('data-format', 'mastodon');
    await expect(result).toContainText(/20\s000\s*nouvelles/);
    expect(await storedMatching(server.dbPath, 'Baleinoptère')).toHaveLength(1);
    expect(pageProblems).toEqual([]);
  });

  test('a file in no known format is refused with a clear message and imports nothing', async ({
    warroom: page,
    vigie: server,
    pageProblems,
  }) => {
    const file = path.join(server.dir, 'compte-rendu.txt');
    await fs.writeFile(file, 'Compte rendu de la cellule de crise.\nRéunion à 14 h, point presse à 16 h.\n');
    await openSources(page);
    await page.getByTestId('import-input').setInputFiles(file);

    const error = page.getByTestId('import-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('data-code', 'bad_format');
    await expect(error).toContainText('compte-rendu.txt');
    await expect(error).toContainText('Format non reconnu');
    await expect(error).toContainText('Rien n’a été importé.');
    // The core's own words stay one click away, folded.
    const detail = error.locator('.tech');
    await expect(detail.locator('code')).toBeHidden();
    await detail.locator('summary').click();
    await expect(detail.locator('code')).toContainText('does not recognise');
    await expect(page.getByTestId('import-result')).toHaveCount(0);
    await expect(page.getByTestId('import-progress')).toHaveCount(0);
    await expect(page.getByTestId('quarantine-total')).toHaveAttribute('data-total', '0');
    expect(await storedMatching(server.dbPath, 'presse')).toEqual([]);

    // Told it is a Mastodon export, it is refused for not being one.
    await page.getByTestId('import-format').selectOption('mastodon');
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByTestId('import-error')).toHaveCount(2);
    await expect(page.getByTestId('import-error').first()).toContainText(
      'Ce fichier n’est pas au format Mastodon. Rien n’a été importé.',
    );
    expect(pageProblems).toEqual([]);
  });
});

test.describe('with an open incident', () => {
  // The war-room shows its feed for the open incident: the demo's, here.
  test.use({ preloadDemo: true });

  test('a file dropped on the Sources screen shows up in the war-room feed', async ({
    warroom: page,
    pageProblems,
  }) => {
    await openSources(page);
    await dropFile(
      page,
      page.getByTestId('import-dropzone'),
      'veille-mastodon.json',
      mastodonTimeline('Ornithorynque'),
      'application/json',
    );
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-inserted', '3');
    await expect(result).toHaveAttribute('data-file', 'veille-mastodon.json');
    await expect(page.getByTestId('import-progress')).toHaveAttribute('data-percent', '100');

    await page.getByTestId('nav-warroom').click();
    await expect(page.getByTestId('warroom')).toBeVisible();
    await expect(page).toHaveURL(/#\/warroom$/);
    await page.getByTestId('feed-search').fill('Ornithorynque');
    const row = page.getByTestId('mention-row').filter({ hasText: 'Ornithorynque' });
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-platform', 'mastodon');
    await expect(row.getByTestId('mention-author')).toHaveText('Veilleuse');

    // Back to the Sources screen: the last import is still summed up.
    await page.goBack();
    await expect(page.getByTestId('sources-screen')).toBeVisible();
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '3');
    expect(pageProblems).toEqual([]);
  });
});
