// The Sources screen in web mode: the quarantine, where malformed records of an imported file are set
// aside with their reasons and a raw excerpt.
import { expect, screenshot, test } from './fixtures';
import { mastodonTimeline, ndjson, openSources } from './sources-helpers';

test.describe('empty store', () => {
  test.use({ serveArgs: ['--no-demo'] });

  test('malformed NDJSON lines are set aside in the quarantine with their reasons', async ({
    warroom: page,
  }) => {
    await openSources(page);
    const bad = new Set([3, 8, 15]);
    await page.getByTestId('import-input').setInputFiles({
      name: 'avec-erreurs.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson(20, { prefix: 'mixed', bad })),
    });
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-inserted', '17');
    await expect(result).toHaveAttribute('data-quarantined', '3');
    await expect(page.getByTestId('quarantine-total')).toHaveAttribute('data-total', '3');
    const rows = page.getByTestId('quarantine-row');
    await expect(rows).toHaveCount(3);
    for (const row of await rows.all()) await expect(row).toContainText('Import de fichier');
    // The reason in French, with its line in the file (records 3, 8 and 15 counted from 0); newest first.
    await expect(page.getByTestId('quarantine-reason')).toHaveText([
      'Ligne 16 · Ce n’est pas du JSON valide',
      'Ligne 9 · Ce n’est pas du JSON valide',
      'Ligne 4 · Ce n’est pas du JSON valide',
    ]);
    // Lines 4 and 16 are cut in the middle, line 9 is not JSON at all.
    const excerpts = page.getByTestId('quarantine-excerpt');
    await expect(excerpts.filter({ hasText: 'not json at all' })).toHaveCount(1);
    await expect(excerpts.filter({ hasText: 'cut-in-the-middle' })).toHaveCount(2);

    // The same file again: nothing new, and the same three records are counted, not listed twice.
    await page.getByTestId('import-input').setInputFiles({
      name: 'avec-erreurs.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson(20, { prefix: 'mixed', bad })),
    });
    // Each import keeps its own result line; the newest is first.
    await expect(page.getByTestId('import-result')).toHaveCount(2);
    await expect(page.getByTestId('import-result').first()).toHaveAttribute('data-inserted', '0');
    await expect(page.getByTestId('quarantine-repeats')).toHaveCount(3);
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('quarantine-repeats').first()).toContainText(
      // Both refusals the same day: the time says when (a run across midnight gives the date).
      /^Refusé 2 fois, la dernière (à \d{1,2}:\d{2}$|le )/,
    );
    await screenshot(page, 'sources-fr-quarantine-repeats-1366');
  });

  test('malformed records of a platform export go to the quarantine; the raw excerpt unfolds', async ({
    warroom: page,
    pageProblems,
  }) => {
    await openSources(page);
    await expect(page.getByTestId('quarantine-list')).toContainText('Rien en quarantaine');
    // Seven statuses, five of them broken (no id, no account, unreadable date, not an object…).
    const broken = JSON.parse(mastodonTimeline('Intact', 2)) as Record<string, unknown>[];
    const file = JSON.stringify([
      ...broken,
      { ...broken[0], id: undefined },
      { ...broken[0], id: '11400000000000999', account: undefined },
      { ...broken[0], id: '11400000000000998', created_at: 'mardi dernier' },
      'not a status',
    ]);
    await page.getByTestId('import-format').selectOption('mastodon');
    await page.getByTestId('import-input').setInputFiles({
      name: 'export-mastodon.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-inserted', '2');
    await expect(result).toHaveAttribute('data-quarantined', '4');
    await expect(result).toContainText('lu comme Mastodon');
    await expect(page.getByTestId('quarantine-total')).toHaveAttribute('data-total', '4');
    await expect(page.getByTestId('quarantine-total')).toHaveText('4 éléments mis de côté');
    const rows = page.getByTestId('quarantine-row');
    await expect(rows).toHaveCount(4);
    // Each reason in the interface's language, never the core's English sentence.
    const reasons = page.getByTestId('quarantine-reason');
    await expect(reasons.filter({ hasText: 'Date illisible : « mardi dernier »' })).toHaveCount(1);
    await expect(reasons.filter({ hasText: 'Ce n’est pas un objet JSON' })).toHaveCount(1);
    await expect(reasons.filter({ hasText: 'Sans auteur identifiable' })).toHaveCount(1);
    await expect(reasons.filter({ hasText: 'Sans identifiant ni lien utilisable' })).toHaveCount(1);
    await expect(reasons.filter({ hasText: /status|created_at|object/ })).toHaveCount(0);
    // The excerpt is plain text in monospace, folded to one line until asked.
    const row = rows.filter({ hasText: 'mardi dernier' });
    const excerpt = row.getByTestId('quarantine-excerpt');
    await expect(excerpt).toHaveClass(/q-row__excerpt--folded/);
    await row.getByTestId('quarantine-toggle').click();
    await expect(excerpt).not.toHaveClass(/folded/);
    await expect(excerpt).toContainText('"created_at":"mardi dernier"');
    // Unfolded, the exact technical sentence is there for support.
    await expect(row.getByTestId('quarantine-technical')).toContainText(
      'Détail technique : Mastodon: status 11400000000000998: unreadable created_at "mardi dernier"',
    );
    expect(await excerpt.evaluate((el) => el.children.length)).toBe(0);
    expect(pageProblems).toEqual([]);
  });

  test('a long quarantine stays virtualized and says how much is shown', async ({ warroom: page }) => {
    await openSources(page);
    const valid = JSON.parse(mastodonTimeline('Unique', 1)) as unknown[];
    const broken = Array.from({ length: 600 }, (_, i) => `enregistrement illisible n°${i}`);
    await page.getByTestId('import-input').setInputFiles({
      name: 'export-abime.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([...valid, ...broken])),
    });
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-quarantined', '600');
    const total = page.getByTestId('quarantine-total');
    await expect(total).toHaveAttribute('data-total', '600');
    await expect(total).toContainText(/600 éléments mis de côté · 500 plus récents affichés/);
    const list = page.getByTestId('quarantine-list');
    await expect(list).toHaveAttribute('data-count', '500');
    expect(await page.getByTestId('quarantine-row').count()).toBeLessThan(40);
    // Scrolling to the end brings the oldest shown record into the DOM.
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.getByTestId('quarantine-row').last()).toContainText('illisible');
    expect(await page.getByTestId('quarantine-row').count()).toBeLessThan(40);
  });
});
