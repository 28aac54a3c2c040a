// The Sources screen in web mode: the source list and its form, and a source's life (test, save, run,
// token, pause, delete).
import { expect, test } from './fixtures';
import { openSources, UNREACHABLE } from './sources-helpers';

test.describe('sources', () => {
  test.use({ serveArgs: ['--no-demo'] });

  test('an unreachable Mastodon source: test, save, run now, token, pause, delete', async ({
    warroom: page,
    pageProblems,
  }) => {
    await openSources(page);
    await expect(page.getByTestId('sources-empty')).toContainText('Aucune source suivie');
    await page.getByTestId('source-add').click();
    const form = page.getByTestId('source-form');
    await expect(form).toBeVisible();
    await expect(form.getByRole('heading', { name: 'Ajouter une source' })).toBeVisible();
    await form.getByTestId('source-form-type').selectOption('mastodon');

    // Client-side checks first: nothing reaches the core.
    await form.getByTestId('source-form-save').click();
    await expect(form.getByTestId('source-form-name-error')).toHaveText('Champ obligatoire.');
    await expect(form.getByTestId('source-field-hashtag-error')).toHaveText('Champ obligatoire.');
    await expect(form.getByTestId('source-field-baseUrl-error')).toHaveText('Champ obligatoire.');
    await expect(form.getByTestId('source-form-name')).toBeFocused();
    await form.getByTestId('source-field-baseUrl').fill('mastodon.example');
    await form.getByTestId('source-field-intervalSeconds').fill('-5');
    await form.getByTestId('source-field-hashtag').fill('#ondaline panne!!');
    await form.getByTestId('source-form-save').click();
    await expect(form.getByTestId('source-field-baseUrl-error')).toContainText('http:// ou https://');
    await expect(form.getByTestId('source-field-intervalSeconds-error')).toHaveText('Au moins 15.');
    await expect(form.getByTestId('source-field-hashtag-error')).toHaveText(
      'Un seul mot-dièse : lettres, chiffres et _, sans espace (ex. PanneOndaline).',
    );

    await form.getByTestId('source-form-name').fill('Ondaline — Mastodon');
    await form.getByTestId('source-field-hashtag').fill('ondaline');
    await form.getByTestId('source-field-baseUrl').fill(UNREACHABLE);
    await form.getByTestId('source-field-intervalSeconds').fill('');
    await expect(form.getByTestId('secret-state')).toHaveAttribute('data-state', 'none');

    await form.getByTestId('source-test').click();
    const tested = form.getByTestId('source-test-result');
    await expect(tested).toHaveAttribute('data-ok', 'false');
    await expect(tested).toContainText('Échec de la connexion : le serveur ne répond pas');
    await expect(tested.locator('.tech code')).toBeHidden();

    await form.getByTestId('source-form-save').click();
    await expect(form).toBeHidden();
    const card = page.getByTestId('source-card');
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('heading')).toHaveText('Ondaline — Mastodon');
    await expect(card.getByTestId('source-type')).toHaveText('Mastodon');
    await expect(card.getByTestId('source-target')).toContainText('Mot-dièse');
    await expect(card.getByTestId('source-target')).toContainText('ondaline');
    await expect(card.getByTestId('source-target')).toContainText('127.0.0.1:9');

    await card.getByTestId('source-run').click();
    await expect(card).toHaveAttribute('data-status', 'offline');
    await expect(card.getByTestId('source-status')).toContainText('hors ligne');
    await expect(card.getByTestId('source-status')).toHaveAttribute('data-tone', 'warn');
    await expect(card.getByTestId('source-error')).toContainText('Le service ne répond pas');
    await expect(card.getByTestId('fact-last-success')).toContainText('jamais');
    await expect(card.getByTestId('fact-last-run')).toContainText('0 nouvelle mention');
    // The scheduler plans the next try: the pill says when.
    await expect(card.getByTestId('source-status')).toHaveText(/^hors ligne — nouvel essai à \d\d:\d\d$/, {
      timeout: 15_000,
    });

    // A token: stored, never shown back.
    await card.getByTestId('source-edit').click();
    await expect(form.getByRole('heading', { name: 'Modifier la source' })).toBeVisible();
    await expect(form.getByTestId('source-form-type')).toBeDisabled();
    await expect(form.getByTestId('source-field-hashtag')).toHaveValue('ondaline');
    await expect(form.getByTestId('source-field-baseUrl')).toHaveValue(UNREACHABLE);
    await form.getByTestId('source-field-secret').fill('jeton-tres-secret-42');
    await form.getByTestId('source-form-save').click();
    await expect(form).toBeHidden();
    await card.getByTestId('source-edit').click();
    await expect(form.getByTestId('secret-state')).toHaveAttribute('data-state', 'vault');
    await expect(form.getByTestId('secret-state')).toContainText('Jeton enregistré.');
    await expect(form.getByTestId('source-field-secret')).toHaveValue('');
    expect(await page.content()).not.toContain('jeton-tres-secret-42');
    // Saving again without typing a token keeps it.
    await form.getByTestId('source-form-name').fill('Ondaline (Mastodon)');
    await form.getByTestId('source-form-save').click();
    await expect(form).toBeHidden();
    await expect(card.getByRole('heading')).toHaveText('Ondaline (Mastodon)');
    await card.getByTestId('source-edit').click();
    await expect(form.getByTestId('secret-state')).toHaveAttribute('data-state', 'vault');
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();

    await card.getByTestId('source-pause').click();
    await expect(card.getByTestId('source-status')).toHaveText('en pause');
    await expect(card.getByTestId('fact-next-run')).toContainText('suspendue');
    await expect(card.getByTestId('source-run')).toBeDisabled();
    await card.getByTestId('source-pause').click();
    await expect(card.getByTestId('source-status')).not.toHaveText('en pause');

    await card.getByTestId('source-delete').click();
    await expect(card).toContainText('Supprimer « Ondaline (Mastodon) » ?');
    await card.getByTestId('source-delete-confirm').click();
    await expect(page.getByTestId('source-card')).toHaveCount(0);
    await expect(page.getByTestId('sources-empty')).toBeVisible();
    expect(pageProblems).toEqual([]);
  });

  test('settings the core refuses are shown inline in the form', async ({ warroom: page, pageProblems }) => {
    // The form's own checks mirror the core's, so the core's refusals are played by a proxy in front of
    // the WebSocket: every other call goes through to the real server.
    const refusals = [
      'baseUrl: Invalid URL',
      'settings: set exactly one of hashtag, search or notifications',
    ];
    await page.routeWebSocket(/\/ws/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((raw) => {
        const msg = JSON.parse(String(raw)) as { id: number; call: string };
        const message = msg.call === 'sources.save' ? refusals.shift() : undefined;
        if (message)
          ws.send(JSON.stringify({ id: msg.id, ok: false, error: { code: 'bad_config', message } }));
        else server.send(raw);
      });
      server.onMessage((raw) => ws.send(raw));
    });
    await page.reload();
    await openSources(page);
    await page.getByTestId('source-add').click();
    const form = page.getByTestId('source-form');
    await form.getByTestId('source-form-type').selectOption('mastodon');
    await form.getByTestId('source-form-name').fill('Adresse douteuse');
    await form.getByTestId('source-field-hashtag').fill('ondaline');
    await form.getByTestId('source-field-baseUrl').fill('https://mastodon.example');

    // A refusal that names a field is shown under that field, in the interface's language.
    await form.getByTestId('source-form-save').click();
    const fieldError = form.getByTestId('source-field-baseUrl-error');
    await expect(fieldError).toContainText('Valeur refusée par Vigie.');
    await expect(form.getByTestId('source-field-baseUrl')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByTestId('source-field-baseUrl')).toBeFocused();
    await fieldError.locator('summary').click();
    await expect(fieldError.locator('code')).toHaveText('baseUrl: Invalid URL');

    // One about the settings as a whole is shown at the foot of the form.
    await form.getByTestId('source-field-baseUrl').fill('https://mastodon2.example');
    await expect(fieldError).toHaveCount(0);
    await form.getByTestId('source-form-save').click();
    await expect(form.getByTestId('source-form-error')).toContainText('Vigie a refusé ces réglages.');
    await expect(form).toBeVisible();
    await expect(page.getByTestId('source-card')).toHaveCount(0);

    // The next save goes through.
    await form.getByTestId('source-form-save').click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('source-card')).toHaveCount(1);
    expect(pageProblems).toEqual([]);
  });
});
