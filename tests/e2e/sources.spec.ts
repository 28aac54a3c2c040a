// The Sources screen in web mode: file import (picker and drag and drop) with its progress bar and
// summary, refused files, the quarantine, and a source's life (test, save, run, token, pause, delete).
import type { Locator, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { expect, screenshot, test } from './fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'vigie.cjs');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'e2e');
const UNREACHABLE = 'http://127.0.0.1:9';

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────

function vigie(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Mentions stored in the test's database that match `search` (read with the CLI, beside the server). */
async function storedMatching(dbPath: string, search: string): Promise<string[]> {
  const { code, out } = await vigie([
    'mentions',
    '--db',
    dbPath,
    '--search',
    search,
    '--limit',
    '50',
    '--json',
  ]);
  expect(code, out).toBe(0);
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

const CITIES = ['Lyon', 'Lille', 'Nantes', 'Rennes', 'Metz', 'Brest', 'Dijon', 'Nice'];
const PLATFORMS = ['x', 'mastodon', 'bluesky', 'reddit', 'facebook'];

/** One mention per line in Vigie's own shape; `bad` lines are broken on purpose. */
function ndjson(count: number, opts: { prefix: string; marker?: string; bad?: Set<number> }): string {
  const start = Date.UTC(2026, 0, 10, 6, 0, 0);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (opts.bad?.has(i)) {
      lines.push(i % 2 ? '{"id": "cut-in-the-middle", "platform": "x", "te' : 'not json at all');
      continue;
    }
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    const externalId = `${opts.prefix}${i}`;
    const city = CITIES[i % CITIES.length]!;
    const text =
      i === 0 && opts.marker
        ? `Toujours aucune connexion ${opts.marker} depuis ce matin #ondaline`
        : `Coupure Ondaline signalée à ${city}, abonné n°${i} sans réseau depuis ${(i % 9) + 1} h #ondaline`;
    lines.push(
      JSON.stringify({
        id: `${platform}:${externalId}`,
        platform,
        externalId,
        url: `https://${platform}.example/${externalId}`,
        authorHandle: `abonne_${i % 997}`,
        authorName: `Abonné ${i % 997}`,
        authorFollowers: (i * 37) % 5000,
        text,
        lang: 'fr',
        createdAt: start + i * 1000,
        likes: i % 7,
        shares: i % 3,
        replies: i % 2,
      }),
    );
  }
  return lines.join('\n') + '\n';
}

/** A saved Mastodon timeline (a format the core reads today), with a searchable marker. */
function mastodonTimeline(marker: string, count = 3): string {
  const id = (i: number) => `114${String(i).padStart(15, '0')}`;
  const statuses = Array.from({ length: count }, (_, i) => ({
    id: id(i),
    uri: `https://piaille.example/users/veilleuse/statuses/${id(i)}`,
    url: `https://piaille.example/@veilleuse/${id(i)}`,
    created_at: new Date(Date.now() - (i + 1) * 1_000).toISOString(),
    language: 'fr',
    content: `<p>${i === 0 ? marker : 'Toujours'} pas de réseau Ondaline à Lyon ${i}</p>`,
    replies_count: i,
    reblogs_count: 0,
    favourites_count: 2,
    account: {
      id: '1',
      username: 'veilleuse',
      acct: 'veilleuse',
      display_name: 'Veilleuse',
      url: 'https://piaille.example/@veilleuse',
      followers_count: 120,
    },
  }));
  return JSON.stringify(statuses);
}

async function openSources(page: Page): Promise<void> {
  await page.getByTestId('nav-sources').click();
  await expect(page.getByTestId('sources-screen')).toBeVisible();
  await expect(page).toHaveURL(/#\/sources$/);
  await expect(page.getByTestId('sources-list')).toBeVisible();
  await expect(page.getByTestId('quarantine-total')).toBeVisible();
}

/** Drops a file on the drop zone the way a browser does: a `drop` event carrying a DataTransfer. */
async function dropFile(page: Page, target: Locator, name: string, text: string, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text, type }) => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, opts: { type: string }) => unknown;
      };
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([text], name, { type }));
      return dt;
    },
    { name, text, type },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Records every state the progress bar goes through (phase:percent:rows done), page side. */
async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      __progress: string[];
      document: {
        body: unknown;
        querySelector(s: string): { getAttribute(n: string): string | null } | null;
      };
      MutationObserver: new (cb: () => void) => { observe(node: unknown, opts: object): void };
    };
    g.__progress = [];
    const note = () => {
      const el = g.document.querySelector('[data-testid="import-progress"]');
      if (!el) return;
      const state = ['data-phase', 'data-percent', 'data-done'].map((a) => el.getAttribute(a)).join(':');
      if (g.__progress[g.__progress.length - 1] !== state) g.__progress.push(state);
    };
    new g.MutationObserver(note).observe(g.document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
  return () => page.evaluate(() => (globalThis as unknown as { __progress: string[] }).__progress);
}

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** Interface strings of the other language seen on screen (user content and core messages excluded). */
async function foreignStrings(page: Page, lang: 'fr' | 'en'): Promise<string[]> {
  const [mine, other] = lang === 'fr' ? [fr, en] : [en, fr];
  const ours = leaves(mine);
  const candidates = [...leaves(other).entries()]
    .filter(([key, text]) => ours.get(key) !== text && !text.includes('{{') && text.length >= 5)
    .map(([, text]) => text);
  const text = await page.locator('body').evaluate((body) => {
    type El = { remove(): void; getAttribute(name: string): string | null };
    const clone = body.cloneNode(true);
    clone
      .querySelectorAll(
        '[data-user-content], .source-card__name, .source-card__value, .tech, .confirm__text, [data-testid="quarantine-source"] option:not([value=""])',
      )
      .forEach((el: El) => el.remove());
    const attrs = [...clone.querySelectorAll('[title],[aria-label],[placeholder]')].flatMap((el: El) =>
      ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    body.ownerDocument.documentElement.append(clone);
    const visible: string = clone.innerText;
    clone.remove();
    return `${visible}\n${attrs.join('\n')}`;
  });
  // Language names on the switch are endonyms on purpose ("English" on the French screen).
  // Whole words only: "Export" inside "Exporter" is French.
  const found = (phrase: string) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'u',
    ).test(text);
  return candidates.filter((s) => s !== 'English' && s !== 'Français' && found(s));
}

// ── File import ─────────────────────────────────────────────────────────────────────────────────────

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
    for (const row of await rows.all()) {
      await expect(row.getByTestId('quarantine-reason')).not.toBeEmpty();
      await expect(row).toContainText('Import de fichier');
    }
    // Lines 3 and 15 are cut in the middle, line 8 is not JSON at all.
    const excerpts = page.getByTestId('quarantine-excerpt');
    await expect(excerpts.filter({ hasText: 'not json at all' })).toHaveCount(1);
    await expect(excerpts.filter({ hasText: 'cut-in-the-middle' })).toHaveCount(2);
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
    await expect(page.getByTestId('quarantine-reason').filter({ hasText: 'created_at' })).toHaveCount(1);
    await expect(page.getByTestId('quarantine-reason').filter({ hasText: 'not an object' })).toHaveCount(1);
    // The excerpt is plain text in monospace, folded to one line until asked.
    const row = rows.filter({ hasText: 'mardi dernier' });
    const excerpt = row.getByTestId('quarantine-excerpt');
    await expect(excerpt).toHaveClass(/q-row__excerpt--folded/);
    await row.getByTestId('quarantine-toggle').click();
    await expect(excerpt).not.toHaveClass(/folded/);
    await expect(excerpt).toContainText('"created_at":"mardi dernier"');
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

// ── Sources ─────────────────────────────────────────────────────────────────────────────────────────

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
    await form.getByTestId('source-field-intervalSeconds').fill('5');
    await form.getByTestId('source-form-save').click();
    await expect(form.getByTestId('source-field-baseUrl-error')).toContainText('http:// ou https://');
    await expect(form.getByTestId('source-field-intervalSeconds-error')).toHaveText('Au moins 15.');

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

// ── Screenshots ─────────────────────────────────────────────────────────────────────────────────────

test.describe('screenshots', () => {
  test.use({ serveArgs: ['--no-demo'] });

  async function addSource(page: Page, type: string, name: string, fill: Record<string, string>) {
    await page.getByTestId('source-add').click();
    const form = page.getByTestId('source-form');
    await form.getByTestId('source-form-type').selectOption(type);
    await form.getByTestId('source-form-name').fill(name);
    for (const [key, value] of Object.entries(fill)) {
      if (key.startsWith('mode:')) await form.getByTestId(`source-mode-${value}`).check();
      else if (key === 'advanced') await form.locator('.advanced summary').click();
      else await form.getByTestId(`source-field-${key}`).fill(value);
    }
    await form.getByTestId('source-form-save').click();
    await expect(form).toBeHidden();
  }

  test('the Sources screen at 1366×768, FR then EN', async ({ warroom: page, pageProblems }) => {
    await openSources(page);
    await addSource(page, 'mastodon', 'Ondaline — mot-dièse Mastodon', {
      hashtag: 'ondaline',
      baseUrl: UNREACHABLE,
    });
    await addSource(page, 'bluesky', 'Compte officiel Bluesky', {
      'mode:': 'actor',
      actor: 'ondaline.bsky.social',
      baseUrl: UNREACHABLE,
    });
    await addSource(page, 'twitter', 'Recherche X « panne ondaline »', {
      query: 'panne ondaline -is:retweet',
      baseUrl: UNREACHABLE,
      advanced: '',
      tokenEnv: 'VIGIE_E2E_MISSING_TOKEN',
    });
    const cards = page.getByTestId('source-card');
    await expect(cards).toHaveCount(3);
    const bluesky = cards.filter({ hasText: 'Compte officiel Bluesky' });
    await bluesky.getByTestId('source-pause').click();
    await expect(bluesky.getByTestId('source-status')).toHaveText('en pause');
    await expect(cards.filter({ hasText: 'Recherche X' })).toHaveAttribute('data-status', 'auth_error');
    await expect(cards.filter({ hasText: 'mot-dièse' })).toHaveAttribute('data-status', 'offline');

    const broken = JSON.parse(mastodonTimeline('Capture', 3)) as Record<string, unknown>[];
    await page.getByTestId('import-input').setInputFiles({
      name: 'export-mastodon-cellule.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify([
          ...broken,
          { ...broken[0], id: '11400000000000998', created_at: 'mardi dernier' },
          { ...broken[0], id: '11400000000000999', account: undefined },
        ]),
      ),
    });
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-quarantined', '2');
    await page.getByTestId('import-input').setInputFiles({
      name: 'notes-reunion.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Point presse à 16 h.\n'),
    });
    await expect(page.getByTestId('import-error')).toBeVisible();
    await expect(page.getByTestId('quarantine-row')).toHaveCount(2);
    await page.getByTestId('quarantine-toggle').first().click();

    expect(await foreignStrings(page, 'fr')).toEqual([]);
    await screenshot(page, 'sources-fr-1366');
    await page.getByTestId('source-add').click();
    await page.getByTestId('source-form').getByTestId('source-test').click();
    await expect(page.getByTestId('source-field-baseUrl-error')).toBeVisible();
    await screenshot(page, 'sources-fr-form-1366');
    await page.keyboard.press('Escape');

    await page.getByTestId('lang-en').click();
    await expect(page.getByRole('heading', { name: 'Followed sources' })).toBeVisible();
    await expect(cards.filter({ hasText: 'mot-dièse' }).getByTestId('source-status')).toContainText(
      'offline',
    );
    await expect(bluesky.getByTestId('source-status')).toHaveText('paused');
    expect(await foreignStrings(page, 'en')).toEqual([]);
    await screenshot(page, 'sources-en-1366');
    await cards.filter({ hasText: 'mot-dièse' }).getByTestId('source-edit').click();
    await page.getByTestId('source-form').getByTestId('source-test').click();
    await expect(page.getByTestId('source-test-result')).toContainText('Connection failed');
    expect(await foreignStrings(page, 'en')).toEqual([]);
    await screenshot(page, 'sources-en-form-1366');
    expect(pageProblems).toEqual([]);
  });
  test('an import in progress, FR and EN', async ({ warroom: page, vigie: server, pageProblems }) => {
    // The core's answer to import.commit is held back until the pictures are taken: the bar stays at
    // its last progress event, as it does on a slow machine.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.routeWebSocket(/\/ws/, (ws) => {
      const server = ws.connectToServer();
      const commits = new Set<number>();
      ws.onMessage((raw) => {
        const msg = JSON.parse(String(raw)) as { id: number; call: string };
        if (msg.call === 'import.commit') commits.add(msg.id);
        server.send(raw);
      });
      server.onMessage((raw) => {
        const msg = JSON.parse(String(raw)) as { id?: number };
        if (msg.id !== undefined && commits.has(msg.id)) void held.then(() => ws.send(raw));
        else ws.send(raw);
      });
    });
    await page.reload();
    await openSources(page);
    const file = path.join(server.dir, 'export-mastodon-cellule-de-crise.json');
    await fs.writeFile(file, mastodonTimeline('Progression', 6_000));
    await page.getByTestId('import-input').setInputFiles(file);
    const progress = page.getByTestId('import-progress');
    await expect(progress).toHaveAttribute('data-done', '6000', { timeout: 60_000 });
    await expect(progress).toHaveAttribute('data-phase', 'processing');
    await expect(progress).toContainText(/Enregistrement : 6\s000 sur 6\s000 éléments · [\d\s]+ éléments\/s/);
    await screenshot(page, 'sources-fr-import-progress-1366');
    await page.getByTestId('lang-en').click();
    await expect(progress).toContainText(/Storing: 6,000 of 6,000 records · [\d,]+ records\/s/);
    await screenshot(page, 'sources-en-import-progress-1366');
    release();
    await expect(progress).toHaveAttribute('data-percent', '100');
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-inserted', '6000');
    expect(pageProblems).toEqual([]);
  });
});
