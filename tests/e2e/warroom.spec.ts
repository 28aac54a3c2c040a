import { expect, test } from './fixtures';

test('opens on the demo incident, in French by default', async ({ warroom: page, pageProblems }) => {
  await expect(page.getByTestId('incident-title')).toHaveText(
    'Panne nationale Ondaline — tempête sur les réseaux',
  );
  await expect(page.getByTestId('demo-tag')).toHaveText('Démo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('level-badge')).toHaveText('Veille');
  await expect(page.getByTestId('status-badge')).toHaveText('En cours');
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('connection-badge')).toHaveText('Connecté');
  await expect(page.getByRole('heading', { name: 'Volume des mentions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Flux en direct' })).toBeVisible();
  await expect(page.getByTestId('replay-panel')).toContainText('Rejeu de la démo');
  await expect(page).toHaveTitle(/Panne nationale Ondaline/);
  expect(pageProblems).toEqual([]);
});

test.describe('with the whole demo loaded', () => {
  test.use({ preloadDemo: true });

  test('timeline windows pick their bucket size', async ({ warroom: page }) => {
    const chart = page.getByTestId('timeline-chart');
    const cases: [string, string, RegExp][] = [
      ['1h', '1', /tranche de 1\smin/],
      ['6h', '5', /tranche de 5\smin/],
      ['24h', '15', /tranche de 15\smin/],
    ];
    for (const [window, minutes, subtitle] of cases) {
      await page.getByTestId(`timeline-window-${window}`).click();
      await expect(chart).toHaveAttribute('data-bucket-minutes', minutes);
      await expect(page.getByTestId('timeline-subtitle')).toHaveText(subtitle);
    }
    await page.getByTestId('timeline-window-all').click();
    await expect(chart).toHaveAttribute('data-buckets', /^\d+$/);
    const buckets = Number(await chart.getAttribute('data-buckets'));
    expect(buckets).toBeGreaterThan(20);
    expect(buckets).toBeLessThanOrEqual(300);
    // "All" covers the whole storm: the chart counts every mention the counters count.
    const total = await page.getByTestId('counter-total').getAttribute('data-value');
    await expect(chart).toHaveAttribute('data-total', total!);
    // One legend entry per platform, with translated names.
    await expect(page.getByTestId('timeline-legend')).toContainText('Avis clients');
  });

  test('the feed filters by platform and loads older pages on scroll', async ({ warroom: page }) => {
    const list = page.getByTestId('feed-list');
    await expect(list).toHaveAttribute('data-loaded', '100');
    // Infinite scroll: reaching the end loads the next page with `before`.
    await expect
      .poll(async () => {
        await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return Number(await list.getAttribute('data-loaded'));
      })
      .toBeGreaterThan(300);
    // The list stays virtualized: only a window of rows is in the DOM.
    expect(await page.getByTestId('mention-row').count()).toBeLessThan(60);

    await page.getByTestId('feed-platform').selectOption('reddit');
    const shownPlatforms = async () => {
      const rows = page.getByTestId('mention-row');
      return [...new Set(await rows.evaluateAll((els) => els.map((r) => r.getAttribute('data-platform'))))];
    };
    await expect.poll(shownPlatforms).toEqual(['reddit']);
    await expect(list).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('platform-badge').first()).toHaveText('Reddit');
    // No mention URL is ever a clickable link.
    expect(await page.locator('[data-testid="feed"] a').count()).toBe(0);
  });
});

test.describe('on an empty store without the demo', () => {
  test.use({ serveArgs: ['--no-demo'] });

  test('says there is no open incident, then that the core is gone', async ({ warroom: page, vigie }) => {
    await expect(page.getByTestId('no-incident')).toHaveText('Aucun incident ouvert');
    await expect(page.getByTestId('connection-badge')).toHaveText('Connecté');
    await vigie.stop();
    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('connection-badge')).toHaveText('Hors ligne — reconnexion…');
  });
});
