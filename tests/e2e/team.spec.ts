// The team board in web mode during the demo: a member triages toxic mentions and their exposure and
// load rise; a break becomes due on a short interval and is taken; both languages looked at.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

test.use({ preloadDemo: true });

/** Calls the core over the page's own WebSocket (same origin and cookie as the app). */
async function core<T>(page: Page, name: string, params: unknown): Promise<T> {
  return page.evaluate(
    async ([call, args]) => {
      const { location } = globalThis as unknown as { location: { href: string; protocol: string } };
      const url = new URL('ws', location.href);
      url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      url.search = '';
      const ws = new WebSocket(url);
      await new Promise<void>((resolve, reject) => {
        ws.onopen = () => resolve();
        ws.onerror = () => reject(new Error('socket error'));
      });
      ws.send(JSON.stringify({ id: 1, call, params: args }));
      const msg = await new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>(
        (resolve) => {
          ws.onmessage = (e) => {
            const m = JSON.parse(String(e.data)) as { id?: number; ok: boolean };
            if (m.id === 1) resolve(m);
          };
        },
      );
      ws.close();
      if (!msg.ok) throw new Error(msg.error?.message ?? 'call failed');
      return msg.value;
    },
    [name, params] as const,
  ) as Promise<T>;
}

const card = (page: Page, name: string) => page.locator(`[data-testid="member-card"][data-member="${name}"]`);

async function numberOf(page: Page, name: string, attr: string): Promise<number> {
  return Number(await card(page, name).getAttribute(attr));
}

test('triage raises a member’s exposure and load; a break becomes due and is taken', async ({
  warroom: page,
  pageProblems,
}) => {
  // The demo comes with its cell: the war-room strip shows it.
  await expect(page.getByTestId('team-chip')).toHaveCount(5);
  await expect(page.locator('[data-testid="team-chip"][data-member="Karim Benali"]')).toHaveAttribute(
    'data-state',
    'break_due',
  );
  await screenshot(page, 'team-strip-fr');

  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('team-board')).toBeVisible();
  await expect(page.getByTestId('member-card')).toHaveCount(5);
  const claire = card(page, 'Claire Dubois');
  await expect(claire).toContainText('(vous)');
  await expect(claire).toHaveAttribute('data-exposure', '0');
  const loadBefore = await numberOf(page, 'Claire Dubois', 'data-load');

  // The local member (the actor of local actions) handles abusive mentions of the targeted employee.
  const { items } = await core<{ items: { id: string }[] }>(page, 'mentions.list', {
    search: 'Julie Marchand',
    limit: 12,
  });
  expect(items.length).toBe(12);
  await core(page, 'triage.setStatus', {
    incidentId: 'demo',
    mentionIds: items.map((m) => m.id),
    status: 'handled',
  });
  await expect(claire).toHaveAttribute('data-exposure', '12');
  await expect.poll(() => numberOf(page, 'Claire Dubois', 'data-load')).toBeGreaterThan(loadBefore);
  await expect(claire.getByTestId('member-exposure')).toContainText('traitées : 12');

  // The load is no black box: every part with its points.
  await claire.getByTestId('member-details').click();
  await expect(claire.locator('[data-part="exposure"]')).toContainText('12 mentions ouvertes ou traitées');
  await expect(claire.locator('[data-part]')).toHaveCount(5);
  await screenshot(page, 'team-board-fr');

  // The self-report: six sliders, sent in a few seconds; its part then counts in the load.
  await page.getByTestId('tlx-prompt').getByRole('button', { name: 'Répondre' }).click();
  const tlx = page.getByTestId('tlx-dialog');
  await expect(tlx.locator('input[type="range"]')).toHaveCount(6);
  await tlx.locator('[data-scale="frustration"]').fill('90');
  await tlx.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByTestId('tlx-prompt')).toHaveCount(0);
  await expect(claire.locator('[data-part="tlx"]')).toContainText('Auto-évaluation NASA-TLX brute 56,7/100');

  // Rotation advised: the handoff note is drafted from the incident's state.
  await expect(claire.getByTestId('member-rotation')).toBeVisible();
  await claire.getByRole('button', { name: 'Préparer la relève' }).click();
  const handoff = page.getByTestId('handoff-dialog');
  await handoff.getByRole('combobox').selectOption({ label: 'Karim Benali' });
  await handoff.getByRole('button', { name: 'Rédiger la note' }).click();
  await expect(handoff.getByTestId('handoff-note')).toHaveValue(
    /# Note de relève\nDe: Claire Dubois\nÀ: Karim Benali/,
  );
  await handoff.getByRole('button', { name: 'Fermer' }).click();

  // A short break rhythm: a 3-second break every 6 seconds.
  await page.getByRole('button', { name: 'Réglages des pauses' }).click();
  await page.getByTestId('rest-every').fill('0,1');
  await page.getByTestId('rest-length').fill('0,05');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('timer-summary')).toContainText('pause de 3 s toutes les 6 s');

  const sophie = card(page, 'Sophie Lefèvre');
  await expect(sophie).toHaveAttribute('data-state', /break_due|overdue/);
  await expect(sophie.getByTestId('member-timer')).toContainText('Pause à prendre depuis');
  await sophie.getByRole('button', { name: 'Prendre la pause' }).click();
  await expect(sophie).toHaveAttribute('data-state', 'on_break');
  await expect(sophie.getByTestId('member-timer')).toContainText(/Pause : encore|Pause terminée/);
  await expect(sophie.getByTestId('member-timer')).toContainText('Pause terminée', { timeout: 8000 });
  await sophie.getByRole('button', { name: 'Reprendre' }).click();
  await expect(sophie.getByTestId('member-breaks')).toContainText('Pauses prises : 1');
  await expect(sophie).not.toHaveAttribute('data-state', 'on_break');
  const board = await core<{ members: { displayName: string; timer: { breaksTaken: number } }[] }>(
    page,
    'team.board',
    {},
  );
  expect(board.members.find((m) => m.displayName === 'Sophie Lefèvre')?.timer.breaksTaken).toBe(1);

  await page.getByTestId('lang-en').click();
  await expect(page.getByRole('heading', { name: 'Team and wellbeing' })).toBeVisible();
  await expect(claire.getByTestId('member-exposure')).toContainText('handled: 12');
  await expect(page.locator('body')).not.toContainText('Prendre la pause');
  await screenshot(page, 'team-board-en');
  expect(pageProblems).toEqual([]);
});
