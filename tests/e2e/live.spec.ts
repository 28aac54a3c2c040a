import { expect, numberAttr, test } from './fixtures';

test.use({ serveArgs: ['--replay-speed', '3000'] });

test('the replay streams into the counters, the timeline and the feed', async ({
  warroom: page,
  pageProblems,
}) => {
  const total = () => numberAttr(page, 'counter-total', 'data-value');
  const charted = () => numberAttr(page, 'timeline-chart', 'data-total');
  const loaded = () => numberAttr(page, 'feed-list', 'data-loaded');

  await expect.poll(total, { timeout: 20_000 }).toBeGreaterThan(0);
  const first = { total: await total(), charted: await charted(), loaded: await loaded() };
  await expect.poll(total, { timeout: 30_000 }).toBeGreaterThan(first.total + 200);
  await expect.poll(charted, { timeout: 30_000 }).toBeGreaterThan((first.charted || 0) + 200);
  await expect.poll(loaded, { timeout: 30_000 }).toBeGreaterThan(first.loaded + 200);
  await expect(page.getByTestId('mention-row').first()).toBeVisible();
  await expect.poll(() => numberAttr(page, 'replay-progress', 'data-done')).toBeGreaterThan(200);
  await expect(page.getByTestId('replay-state')).toHaveText('En lecture');
  expect(pageProblems).toEqual([]);
});

test('new mentions wait behind a pill while the reader is scrolled down', async ({ warroom: page }) => {
  const list = page.getByTestId('feed-list');
  await expect
    .poll(() => numberAttr(page, 'feed-list', 'data-loaded'), { timeout: 30_000 })
    .toBeGreaterThan(60);
  await list.evaluate((el) => el.scrollTo({ top: 1500 }));
  // The row under the reader's eyes: it must not move while mentions keep arriving.
  const rowAtTop = async () =>
    list.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = el.ownerDocument.elementFromPoint(box.left + 40, box.top + 60);
      const row = hit?.closest('[data-testid="mention-row"]');
      return row ? `${row.getAttribute('data-id')}@${Math.round(row.getBoundingClientRect().top)}` : null;
    });
  // Wait for the layout to settle (rows measured after the jump), then remember that row.
  let before: string | null = null;
  await expect
    .poll(async () => {
      const now = await rowAtTop();
      const settled = now !== null && now === before;
      before = now;
      return settled;
    })
    .toBe(true);
  const pill = page.getByTestId('new-mentions-pill');
  await expect(pill).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => Number(await pill.getAttribute('data-count'))).toBeGreaterThan(5);
  expect(await rowAtTop()).toBe(before);

  await pill.click();
  await expect(pill).toBeHidden();
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0);
});

test('the replay pauses and resumes', async ({ warroom: page }) => {
  const done = () => numberAttr(page, 'replay-progress', 'data-done');
  await expect.poll(done, { timeout: 20_000 }).toBeGreaterThan(0);
  await page.getByTestId('replay-toggle').click();
  await expect(page.getByTestId('replay-state')).toHaveText('En pause');
  await expect(page.getByTestId('replay-toggle')).toHaveText('Reprendre');
  const paused = await done();
  // A negative check cannot be polled: give a running replay 1.5 s (75 simulated minutes) to show.
  await page.waitForTimeout(1500);
  expect(await done()).toBe(paused);
  await page.getByTestId('replay-toggle').click();
  await expect(page.getByTestId('replay-state')).toHaveText('En lecture');
  await expect.poll(done, { timeout: 20_000 }).toBeGreaterThan(paused + 100);
});
