// The page the Electron shell shows while the core opens the database, served by the same static
// files in web mode: in the person's language, with the size of a long store upgrade, under the CSP.
import { expect, screenshot, test } from './fixtures';

test.use({ serveArgs: ['--no-demo'] });

test('says Vigie is opening, then how many mentions a store upgrade rewrites, FR then EN', async ({
  vigie,
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.goto(new URL('starting.html', vigie.url).href);
  await expect(page.locator('h1')).toHaveText('Ouverture de Vigie…');
  await expect(page.locator('#text')).toHaveText('Vérification de la base locale.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.goto(new URL('starting.html?upgrade=1000000', vigie.url).href);
  await expect(page.locator('#text')).toHaveText(
    'Mise à jour de la base locale (1\u202f000\u202f000 mentions) : elle n’a lieu qu’une fois et peut prendre une minute.',
  );
  await screenshot(page, 'starting-fr-upgrade-1366');

  // The language chosen in the app (same origin, same storage) is the page's.
  await page.evaluate("localStorage.setItem('vigie.lang', 'en')");
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Opening Vigie…');
  await expect(page.locator('#text')).toHaveText(
    'Upgrading the local database (1,000,000 mentions): this happens once and can take a minute.',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, 'starting-en-upgrade-1366');
  expect(problems).toEqual([]);
});
