import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

// The crisis cell on the demo incident, driven like a person under stress: from the keyboard, with
// everything landing in the event log and on the timeline, and surviving a reload.
test.use({ preloadDemo: true });

async function openFirstMention(page: Page) {
  const list = page.getByTestId('feed-list');
  await expect(list).toHaveAttribute('data-status', 'ready');
  await list.focus();
  await page.keyboard.press('j');
  const focused = page.locator('[data-testid="mention-row"][data-focused="true"]');
  await expect(focused).toHaveCount(1);
  return focused;
}

test('checklist, triage by keyboard, evidence, statement and decision — all logged, all kept', async ({
  warroom: page,
  pageProblems,
}) => {
  // The demo incident carries the service-outage playbook.
  const checklist = page.getByTestId('checklist');
  await expect(checklist.getByTestId('checklist-item').first()).toBeVisible();
  await screenshot(page, 'crisis-fr-warroom-1366');

  // Tick two checklist steps (one with a comment).
  const open = checklist.locator('[data-testid="checklist-item"][data-status="todo"][data-locked="false"]');
  const firstStep = await open.first().getAttribute('data-step');
  await open.first().getByTestId('step-done').click();
  await page.getByTestId('step-comment').fill('État confirmé par la technique');
  await page.keyboard.press('Enter');
  await expect(checklist.locator(`[data-step="${firstStep}"]`)).toHaveAttribute('data-status', 'done');
  const secondStep = await open.first().getAttribute('data-step');
  await open.first().getByTestId('step-done').click();
  await page.keyboard.press('Enter');
  await expect(checklist.locator(`[data-step="${secondStep}"]`)).toHaveAttribute('data-status', 'done');

  // Triage by keyboard: j to the first mention, a (assign to me), r (route), p (pin), h (handled).
  const row = await openFirstMention(page);
  const mentionId = (await row.getAttribute('data-id'))!;
  await page.keyboard.press('a');
  await expect(page.getByTestId('assign-dialog')).toBeVisible();
  await page.getByTestId('assign-member').fill('Inès Morel');
  await page.keyboard.press('Enter');
  const target = page.locator(`[data-testid="mention-row"][data-id="${mentionId}"]`);
  await expect(target.getByTestId('mention-assignee')).toContainText('Inès Morel');

  await page.keyboard.press('r');
  await expect(page.getByTestId('route-dialog')).toBeVisible();
  // Arrows move the choice; a digit picks a service and the note takes what is typed next.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('route-service-juridique')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('2');
  await expect(page.getByTestId('route-note')).toBeFocused();
  await page.keyboard.type('Menace de plainte');
  await page.keyboard.press('Enter');
  await expect(target.getByTestId('mention-routed')).toContainText('Juridique');
  await expect(
    page.getByTestId('event-log-list').locator('[data-kind="mention.routed"]').first(),
  ).toContainText('Juridique — Menace de plainte');
  await expect(target).toHaveAttribute('data-status', 'escalated');

  await page.keyboard.press('p');
  await expect(page.getByTestId('crisis-notice')).toHaveAttribute('data-tone', 'ok');

  // The next mention: handled with h.
  await page.keyboard.press('j');
  const second = page.locator('[data-testid="mention-row"][data-focused="true"]');
  const secondId = (await second.getAttribute('data-id'))!;
  expect(secondId).not.toBe(mentionId);
  await page.keyboard.press('h');
  await expect(page.locator(`[data-testid="mention-row"][data-id="${secondId}"]`)).toHaveAttribute(
    'data-status',
    'handled',
  );
  await screenshot(page, 'crisis-fr-triage-1366');

  // Draft a holding statement from its template, request approval, approve it, publish it.
  await page.getByTestId('crisis-tab-statements').click();
  await page.getByTestId('statement-new').click();
  await page.getByTestId('draft-template').selectOption('holding-statement');
  await page
    .getByTestId('draft-var-situation')
    .fill('Depuis ce matin, de nombreux clients sont privés de réseau.');
  await page.getByTestId('draft-var-brand').fill('Ondaline');
  await page.getByTestId('draft-var-signatory_first_name').fill('Claire');
  await page.getByTestId('draft-var-next_update_time').fill('18 h 00');
  await screenshot(page, 'crisis-fr-draft-1366');
  await page.getByTestId('draft-dialog-submit').click();
  const statement = page.getByTestId('statement').first();
  await expect(statement).toHaveAttribute('data-status', 'draft');
  await expect(statement).toContainText('Claire, pour Ondaline');
  await statement.getByTestId('request-approval').click();
  await page.getByTestId('approvers').fill('Direction, Juridique');
  // The cell's names are one click away; a click again takes the name back out.
  const firstName = page.getByTestId('name-choices').getByRole('button').first();
  const name = (await firstName.textContent())!;
  await firstName.click();
  await expect(page.getByTestId('approvers')).toHaveValue(`Direction, Juridique, ${name}`);
  await expect(firstName).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'crisis-fr-request-approval-1366');
  await firstName.click();
  await expect(page.getByTestId('approvers')).toHaveValue('Direction, Juridique');
  await page.getByTestId('request-dialog-submit').click();
  await expect(statement).toHaveAttribute('data-status', 'pending');
  // Neither approver is the member at this machine: each approval is entered on their behalf.
  await statement.getByTestId('approve').first().click();
  await expect(page.getByTestId('on-behalf')).toContainText(
    'Vous enregistrez l’avis de Direction en son nom',
  );
  await page.getByTestId('decision-comment').fill('par téléphone');
  await screenshot(page, 'crisis-fr-approve-on-behalf-1366');
  await page.getByTestId('approve-dialog-submit').click();
  await expect(statement.getByTestId('approve')).toHaveCount(1);
  await expect(statement.getByTestId('approval').first()).toContainText('par téléphone · transmis par');
  await statement.getByTestId('approve').click();
  await page.getByTestId('approve-dialog-submit').click();
  await expect(statement).toHaveAttribute('data-status', 'approved');
  // The button that opened the dialog is gone: the keyboard stays in the statement's card.
  await expect(statement.locator(':focus')).toHaveCount(1);
  await expect(statement.getByTestId('statement-latency')).toBeVisible();
  await statement.getByTestId('publish').click();
  await page.getByTestId('publish-channel').fill('X @Ondaline');
  await page.keyboard.press('Enter');
  await expect(statement).toHaveAttribute('data-status', 'published');
  await expect(page.getByTestId('kpi-first-statement')).not.toHaveAttribute('data-value', '');
  await screenshot(page, 'crisis-fr-statements-1366');

  // A decision from the scribe's box, one keystroke for the kind.
  await page.getByTestId('quick-entry-input').fill('Le PDG prend la parole à 18 h');
  await page.keyboard.press('Alt+d');
  await page.keyboard.press('Enter');

  const log = page.getByTestId('event-log-list');
  const expectLogged = async () => {
    for (const kind of [
      'checklist.done',
      'mention.assigned',
      'mention.routed',
      'mention.pinned',
      'mention.status',
      'statement.approved',
      'statement.published',
      'log.decision',
    ]) {
      await expect(log.locator(`[data-kind="${kind}"]`).first(), kind).toBeVisible();
    }
    await expect(log.locator('[data-kind="log.decision"]').first()).toContainText(
      'Le PDG prend la parole à 18 h',
    );
  };
  await expectLogged();
  // An event opens its detail (the timeline's markers select events the same way).
  await log.locator('[data-kind="mention.pinned"]').first().getByRole('button').first().click();
  await expect(page.getByTestId('event-detail')).toContainText('Preuve épinglée');
  await expect(page.getByTestId('event-detail').getByTestId('safe-link')).toBeVisible();
  await page.getByTestId('event-detail').getByTestId('safe-link').click();
  await expect(page.getByTestId('link-url')).toHaveText(/^https?:\/\//);
  await screenshot(page, 'crisis-fr-link-1366');
  await page.keyboard.press('Escape');
  await screenshot(page, 'crisis-fr-log-1366');

  // Reload: everything is still there.
  await page.reload();
  await expect(page.getByTestId('warroom')).toBeVisible();
  await expectLogged();
  await expect(page.getByTestId('statement').first()).toHaveAttribute('data-status', 'published');
  await page.getByTestId('crisis-tab-checklist').click();
  await expect(checklist.locator(`[data-step="${firstStep}"]`)).toHaveAttribute('data-status', 'done');
  await expect(page.locator(`[data-testid="mention-row"][data-id="${mentionId}"]`)).toHaveAttribute(
    'data-status',
    'escalated',
  );
  expect(pageProblems).toEqual([]);
});

test('every crisis screen in French and in English, and the wall mode', async ({
  warroom: page,
  pageProblems,
}) => {
  await expect(page.getByTestId('checklist').getByTestId('checklist-item').first()).toBeVisible();
  for (const lang of ['fr', 'en'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.getByTestId('crisis-tab-checklist').click();
    await screenshot(page, `crisis-${lang}-checklist-1366`);
    await page.getByTestId('crisis-tab-roles').click();
    await expect(page.getByTestId('roles')).toBeVisible();
    await screenshot(page, `crisis-${lang}-roles-1366`);
    await page.getByTestId('crisis-tab-statements').click();
    await expect(page.getByTestId('statements')).toBeVisible();
    await page.getByTestId('incident-level').click();
    await expect(page.getByTestId('level-dialog')).toBeVisible();
    await screenshot(page, `crisis-${lang}-level-dialog-1366`);
    await page.keyboard.press('Escape');
    await page.getByTestId('feed-filters-toggle').click();
    await expect(page.getByTestId('feed-filters')).toBeVisible();
    const list = page.getByTestId('feed-list');
    await list.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await expect(page.getByTestId('route-dialog')).toBeVisible();
    await screenshot(page, `crisis-${lang}-route-dialog-1366`);
    await page.keyboard.press('Escape');
    await page.getByTestId('feed-filters-toggle').click();
  }
  // Raising the level unlocks steps and shortens the update cadence: the countdown appears.
  await page.getByTestId('incident-level').click();
  await page.getByTestId('level-option-crise').click();
  await page.getByTestId('level-reason').fill('National press picks it up');
  await page.getByTestId('level-dialog-submit').click();
  await expect(page.getByTestId('level-badge')).toHaveAttribute('data-level', 'crise');
  await expect(page.getByTestId('kpi-cadence')).not.toHaveAttribute('data-remaining', '');
  await page.getByTestId('wall-toggle').click();
  await expect(page.getByTestId('warroom')).toHaveAttribute('data-wall', 'true');
  await page.getByTestId('crisis-tab-checklist').click();
  await screenshot(page, 'crisis-en-wall-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'crisis-en-wall-1920');
  expect(pageProblems).toEqual([]);
});

test('search marks its matches, a selection is handled in one go', async ({
  warroom: page,
  pageProblems,
}) => {
  await page.getByTestId('feed-search').fill('remboursement');
  const rows = page.getByTestId('mention-row');
  await expect(rows.first().locator('mark').first()).toHaveText(/^rembours/i);
  // Matches are elements built from text: no markup from the mention itself.
  expect(await page.locator('[data-testid="mention-text"] mark *').count()).toBe(0);

  const list = page.getByTestId('feed-list');
  await list.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByTestId('bulk-bar')).toContainText('2');
  const picked = await page
    .locator('[data-testid="mention-row"].mention--selected')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(picked).toHaveLength(2);
  await page.keyboard.press('h');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  for (const id of picked) {
    await expect(page.locator(`[data-testid="mention-row"][data-id="${id}"]`)).toHaveAttribute(
      'data-status',
      'handled',
    );
  }
  const event = page.getByTestId('event-log-list').locator('[data-kind="mention.status"]').first();
  await expect(event).toContainText('2 mentions : Traitée');
  // The status filter finds them.
  await page.getByTestId('feed-filters-toggle').click();
  await page.getByTestId('filter-status').selectOption('handled');
  await expect.poll(async () => rows.count()).toBe(2);
  await screenshot(page, 'crisis-fr-search-bulk-1366');
  expect(pageProblems).toEqual([]);
});

test('a legal clock starts from the moment of awareness, typed in French order', async ({
  warroom: page,
  pageProblems,
}) => {
  // The data-breach playbook brings the 72-hour GDPR clock, which waits for the cell to date it.
  await page.getByTestId('playbook-select').selectOption('data-breach-gdpr');
  await page.getByTestId('playbook-apply').click();
  // Not started yet: the tile says so in words that fit it.
  const tile = page.getByTestId('kpi-clock-gdpr_72h');
  await expect(tile).toHaveAttribute('data-state', 'not_started');
  const value = tile.locator('.kpi__value');
  expect(await value.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.getByTestId('clock-start-gdpr_72h').click();
  const dialog = page.getByTestId('clock-dialog');
  const fields = dialog.getByTestId('clock-awareness').getByRole('textbox');
  // Day, month, year, hour, minute, prefilled with the incident's now; placeholders in French.
  const placeholders = await fields.evaluateAll((els) => els.map((el) => el.getAttribute('placeholder')));
  expect(placeholders).toEqual(['jj', 'mm', 'aaaa', 'hh', 'mm']);
  const [day, month, year, hour] = await Promise.all(
    [0, 1, 2, 3].map(async (i) => Number(await fields.nth(i).inputValue())),
  );
  const now = new Date(year!, month! - 1, day!, hour!);
  // Security knew two hours earlier (the hour field, typed over).
  const earlier = new Date(now.getTime() - 2 * 3600_000);
  await fields.nth(0).fill(String(earlier.getDate()).padStart(2, '0'));
  await fields.nth(1).fill(String(earlier.getMonth() + 1).padStart(2, '0'));
  await fields.nth(2).fill(String(earlier.getFullYear()));
  await fields.nth(3).fill(String(earlier.getHours()).padStart(2, '0'));
  await screenshot(page, 'crisis-fr-clock-dialog-1366');
  // An impossible time is refused before it reaches the core.
  await fields.nth(4).fill('75');
  await expect(dialog.getByRole('button', { name: 'Démarrer le délai' })).toBeDisabled();
  await fields.nth(4).fill('00');
  await dialog.getByRole('button', { name: 'Démarrer le délai' }).click();
  await expect(dialog).toBeHidden();
  const kpi = page.getByTestId('kpi-clock-gdpr_72h');
  await expect(kpi).toHaveAttribute('data-state', 'running');
  // 72 h from two hours before now (rounded down to the hour): about 70 h left.
  // \s: a number and its unit are held together by a no-break space.
  await expect(kpi.locator('.kpi__value')).toContainText(/^(2\sj\s2\d\sh|7[01]\sh|69\sh)/);
  expect(pageProblems).toEqual([]);
});
