import { expect, screenshot, test } from './fixtures';

// The demo contains attacker payloads as posts and as an author name: they must show as text.
test.use({ preloadDemo: true });

test('attacker-controlled mentions render as inert text', async ({ warroom: page, pageProblems }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const search = page.getByTestId('feed-search');
  const rows = page.getByTestId('mention-row');

  await search.fill('onerror');
  const img = rows.filter({
    has: page.getByTestId('mention-text').getByText('<img src=x onerror=alert(1)>', { exact: true }),
  });
  await expect(img).toHaveCount(1);
  await img.hover();
  await screenshot(page, 'warroom-fr-xss-search-1366');

  await search.fill('script');
  await expect(
    rows.getByTestId('mention-text').filter({ hasText: "<script>alert('xss')</script>" }),
  ).not.toHaveCount(0);

  await search.fill('Ondaline Fan');
  const author = page.getByTestId('mention-author').getByText('<b onmouseover=alert(1)>Ondaline Fan</b>', {
    exact: true,
  });
  await expect(author.first()).toBeVisible();
  await author.first().hover();

  // Nothing was parsed as markup, nothing ran.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('[onerror], [onmouseover]').count()).toBe(0);
  expect(await page.locator('#root script').count()).toBe(0);
  expect(await page.locator('[data-testid="feed"] a').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(pageProblems).toEqual([]);
});
