// Full-page screenshots of the war-room for visual review (test-results/screenshots/), in both
// languages, during the live replay and once the whole storm is in, on a laptop and a full-HD screen.
import type { Page } from '@playwright/test';
import { expect, numberAttr, screenshot, test } from './fixtures';

async function settle(page: Page) {
  await expect(page.getByTestId('mention-row').first()).toBeVisible();
  await expect(page.getByTestId('timeline-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('rising-terms')).toBeVisible();
}

async function toEnglish(page: Page) {
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('incident-title')).toHaveText(
    'Ondaline nationwide outage — social media storm',
  );
}

test.describe('during the replay', () => {
  test.use({ serveArgs: ['--replay-speed', '3000'] });

  test('mid-storm, FR then EN', async ({ warroom: page, pageProblems }) => {
    // The heart of the storm: well into the scenario, still replaying.
    await expect
      .poll(() => numberAttr(page, 'replay-progress', 'data-done'), { timeout: 40_000 })
      .toBeGreaterThan(1800);
    await settle(page);
    await screenshot(page, 'warroom-fr-during-1366');
    await toEnglish(page);
    await screenshot(page, 'warroom-en-during-1366');
    // Reading further down while the storm goes on: new mentions wait behind the pill.
    await page.getByTestId('feed-list').evaluate((el) => el.scrollTo({ top: 2000 }));
    await expect(page.getByTestId('new-mentions-pill')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('lang-fr').click();
    await expect(page.getByTestId('new-mentions-pill')).toContainText('nouvelle');
    await screenshot(page, 'warroom-fr-during-scrolled-1366');
    expect(pageProblems).toEqual([]);
  });
});

test.describe('after the replay', () => {
  test.use({ preloadDemo: true });

  // 960 wide is the app window's smallest size (main/index.ts): half of a full-HD screen.
  for (const [width, height] of [
    [960, 900],
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    test(`whole storm at ${width}×${height}, FR then EN`, async ({ warroom: page, pageProblems }) => {
      await page.setViewportSize({ width, height });
      await settle(page);
      await expect(page.getByTestId('replay-state')).toHaveText('Rejeu terminé');
      await screenshot(page, `warroom-fr-after-${width}`);
      // The headline's overdue steps and the checklist tab's badge count the same steps.
      const overdue = await page.getByTestId('kpi-overdue').getAttribute('data-value');
      expect(Number(overdue)).toBeGreaterThan(0);
      await expect(page.getByTestId('checklist-badge')).toHaveText(overdue!);
      // Nothing wider than the window, and the team strip's states are read whole (French is longest).
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      const cut = await page
        .locator('.team-chip__timer')
        .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
      expect(cut).toEqual([]);
      await toEnglish(page);
      await screenshot(page, `warroom-en-after-${width}`);
      // The 24-hour window, a search and a hovered bucket, in English.
      await page.getByTestId('timeline-window-24h').click();
      await expect(page.getByTestId('timeline-chart')).toHaveAttribute('data-bucket-minutes', '15');
      await page.getByTestId('feed-search').fill('remboursement');
      await expect(page.getByTestId('mention-text').first()).toContainText(/rembours/i);
      await page.getByTestId('timeline-chart').hover({ position: { x: width / 4, y: 140 } });
      await expect(page.locator('.chart-tooltip')).toBeVisible();
      await screenshot(page, `warroom-en-24h-search-${width}`);
      expect(pageProblems).toEqual([]);
    });
  }
});

test.describe('half of a full-HD screen', () => {
  test.use({ preloadDemo: true });

  test('every screen fits 960 px wide, FR then EN', async ({ warroom: page, pageProblems }) => {
    await page.setViewportSize({ width: 960, height: 900 });
    await settle(page);
    for (const lang of ['fr', 'en'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      for (const [screen, root] of [
        ['warroom', 'warroom'],
        ['sources', 'sources-screen'],
        ['team', 'team-screen'],
        ['report', 'report-screen'],
      ] as const) {
        await page.getByTestId(`nav-${screen}`).click();
        await expect(page.getByTestId(root)).toBeVisible();
        expect(
          await page.evaluate<number>('document.documentElement.scrollWidth'),
          screen,
        ).toBeLessThanOrEqual(960);
        await screenshot(page, `${screen}-${lang}-960`);
      }
    }
    expect(pageProblems).toEqual([]);
  });
});
