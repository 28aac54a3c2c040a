// Shared by the Sources specs (sources-*.spec.ts): the Sources screen in web mode, its file import
// (picker and drag and drop) with its progress bar and summary, refused files, the quarantine, and a
// source's life (test, save, run, token, pause, delete). Test data builders, page helpers, and a CLI
// read of the test's database.
import type { Locator, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { expect } from './fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'vigie.cjs');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'e2e');
export const UNREACHABLE = 'http://127.0.0.1:9';

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
export async function storedMatching(dbPath: string, search: string): Promise<string[]> {
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
export function ndjson(count: number, opts: { prefix: string; marker?: string; bad?: Set<number> }): string {
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
export function mastodonTimeline(marker: string, count = 3): string {
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

export async function openSources(page: Page): Promise<void> {
  await page.getByTestId('nav-sources').click();
  await expect(page.getByTestId('sources-screen')).toBeVisible();
  await expect(page).toHaveURL(/#\/sources$/);
  await expect(page.getByTestId('sources-list')).toBeVisible();
  await expect(page.getByTestId('quarantine-total')).toBeVisible();
}

/** Drops a file on the drop zone the way a browser does: a `drop` event carrying a DataTransfer. */
export async function dropFile(page: Page, target: Locator, name: string, text: string, type: string) {
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
export async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
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
export async function foreignStrings(page: Page, lang: 'fr' | 'en'): Promise<string[]> {
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
