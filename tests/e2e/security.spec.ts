// Security in the real browser: the XSS corpus imported for real and shown in the feed, the timeline
// and the protection dossier without anything running, loading or being injected; and a page from
// another local port that tries to drive the core over WebSocket (cross-site WebSocket hijacking).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import type { Page } from '@playwright/test';
import {
  PWNED_FLAG,
  corpus,
  corpusAimedAt,
  corpusNdjson,
  corpusRecords,
  longTexts,
} from '../unit/security/xss-corpus';
import { expect, screenshot, test } from './fixtures';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'vigie.cjs');

test.use({ serveArgs: ['--no-demo'] });

function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Calls the contract from Node over the server's WebSocket (no Origin: not a browser). */
async function callCore(serverUrl: string, call: string, params: unknown): Promise<unknown> {
  const ws = new WebSocket(serverUrl.replace(/^http/, 'ws') + 'ws');
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  try {
    ws.send(JSON.stringify({ id: 1, call, params }));
    // Events may arrive first: wait for the reply to this call.
    const reply = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) =>
      ws.on('message', (d) => {
        const msg = JSON.parse(d.toString()) as { id?: number; ok: boolean };
        if (msg.id === 1) resolve(msg);
      }),
    );
    if (!reply.ok) throw new Error(`${call}: ${JSON.stringify(reply.error)}`);
    return reply.value;
  } finally {
    ws.close();
  }
}

/** Everything that would show an attack succeeded, recorded from the page's first byte. */
function watchPage(page: Page, allowedOrigin: string) {
  const seen = { dialogs: [] as string[], foreignRequests: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(allowedOrigin) && !url.startsWith('data:')) seen.foreignRequests.push(url);
  });
  return seen;
}

/** Elements or attributes a payload would have created if it had been parsed as markup. */
async function injectedMarkup(page: Page): Promise<string[]> {
  // Runs in the page (plain JS: this file is type-checked without the DOM library).
  return page.evaluate(`(() => {
    const found = [];
    const bad = document.body.querySelectorAll(
      'iframe, object, embed, base, meta[http-equiv], form[action], details[ontoggle], math, #root script, ' +
        '#root style, #root link, img[src="x"], img[src*="attacker"], a[href^="javascript:"]',
    );
    bad.forEach((el) => found.push(el.outerHTML.slice(0, 120)));
    for (const el of document.body.querySelectorAll('*')) {
      for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(el.tagName + ' ' + attr.name);
    }
    return found;
  })()`);
}

const pwned = (page: Page) => page.evaluate(`typeof window.${PWNED_FLAG}`);

test('the XSS corpus, imported for real, is inert in the feed and the timeline', async ({
  page,
  vigie,
  pageProblems,
}) => {
  const end = Date.now();
  const records = corpusRecords(end);
  const file = path.join(vigie.dir, 'corpus.ndjson');
  await fs.writeFile(file, corpusNdjson(end));
  const imported = await cli(['import', file, '--db', vigie.dbPath, '--format', 'ndjson', '--json']);
  expect(imported.code, imported.out).toBe(0);
  expect(JSON.parse(imported.out.trim().split('\n').pop()!)).toMatchObject({
    inserted: records.length,
    quarantined: 0,
  });

  // The war-room shows the feed of the open incident.
  await callCore(vigie.url, 'incidents.open', { title: 'Campagne de faux comptes' });

  const origin = new URL(vigie.url).origin;
  const seen = watchPage(page, origin);
  await page.goto(vigie.url);
  await expect(page.getByTestId('warroom')).toBeVisible();
  const rows = page.getByTestId('mention-row');
  await expect(rows.first()).toBeVisible();

  // Scroll the virtual list to the end, collecting every text, author and handle as the page shows it.
  const shown = new Map<string, { text: string; author: string; title: string | null }>();
  const list = page.getByTestId('feed-list');
  for (let step = 0; step < 200 && shown.size < records.length; step++) {
    // Read the rows in one go inside the page: the virtual list may recycle a row between two
    // separate reads, and a row read half before and half after would belong to two mentions.
    const visible = await list.evaluate((el) =>
      [...el.querySelectorAll('[data-testid="mention-row"]')].map((row) => {
        const author = row.querySelector('[data-testid="mention-author"]');
        return {
          id: row.getAttribute('data-id') ?? '',
          text: row.querySelector('[data-testid="mention-text"]')?.textContent ?? '',
          author: author?.textContent ?? '',
          title: author?.getAttribute('title') ?? null,
        };
      }),
    );
    for (const { id, ...row } of visible) if (!shown.has(id)) shown.set(id, row);
    await list.evaluate((el) => el.scrollBy(0, 400));
    await page.waitForTimeout(30);
  }
  expect(shown.size).toBe(records.length);
  for (const r of records) {
    const row = shown.get(`${r.platform}:${r.externalId}`);
    expect(row, r.externalId).toBeDefined();
    // Exactly the attacker's string, as text: nothing parsed, stripped or decoded.
    expect(row!.text).toBe(r.text);
    expect(row!.author).toBe(r.authorName ?? r.authorHandle);
    expect(row!.title).toBe(r.authorName ?? r.authorHandle);
  }
  // URLs are never links; a javascript:/data:/file: URL was not even stored.
  expect(await page.locator('[data-testid="feed-list"] a').count()).toBe(0);

  // Hover what shows tooltips: author names (title) and the timeline bars.
  await list.evaluate((el) => el.scrollTo(0, 0));
  await page.getByTestId('mention-author').first().hover();
  const chart = page.getByTestId('timeline-chart');
  const box = (await chart.boundingBox())!;
  for (const fraction of [0.5, 0.7, 0.85, 0.95]) {
    await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
    await page.waitForTimeout(50);
  }
  await screenshot(page, 'security-fr-xss-corpus-1366');

  // A search made of payload text is answered, not executed.
  await page.getByTestId('feed-search').fill('onerror');
  await expect(rows.first()).toBeVisible();
  await page.getByTestId('feed-search').fill('" OR 1=1 NEAR(');
  await page.waitForTimeout(300);

  expect(await pwned(page)).toBe('undefined');
  expect(await injectedMarkup(page)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
  expect(pageProblems).toEqual([]);
});

test('the protection dossier of the corpus is inert when opened in a browser', async ({ page, vigie }) => {
  const records = corpusAimedAt('helene_durand', Date.now());
  const file = path.join(vigie.dir, 'aimed.ndjson');
  await fs.writeFile(file, records.map((r) => JSON.stringify(r)).join('\n'));
  expect((await cli(['import', file, '--db', vigie.dbPath, '--json'])).code).toBe(0);

  const opened = (await callCore(vigie.url, 'protection.open', {
    name: 'Hélène Durand',
    kind: 'employee',
    handles: [{ platform: 'x', handle: 'helene_durand' }],
  })) as { id: string };
  const dossier = (await callCore(vigie.url, 'protection.dossier', {
    id: opened.id,
    format: 'html',
    lang: 'fr',
  })) as { content: string; items: number };
  expect(dossier.items).toBe(records.length);
  const html = path.join(vigie.dir, 'dossier.html');
  await fs.writeFile(html, dossier.content);

  const seen = watchPage(page, 'file://');
  await page.goto(`file://${html}`);
  await expect(page.locator('body')).toContainText(corpus.texts[0]!);
  await expect(page.locator('body')).toContainText(longTexts()[0]!.slice(0, 200));
  // Bidi overrides are shown as visible marks, not applied.
  expect(await page.locator('body').textContent()).toContain('U+202E');
  expect(await pwned(page)).toBe('undefined');
  const scripts = await page.locator('script').count();
  expect(scripts).toBe(0);
  for (const a of await page.locator('a').all()) expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
  expect(await injectedMarkup(page)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
});

test('a page served from another local port cannot drive the core over WebSocket', async ({
  page,
  vigie,
}) => {
  const vigiePort = new URL(vigie.url).port;
  const attackerPage = `<!doctype html><title>attacker</title><script>
    window.result = new Promise((resolve) => {
      const ws = new WebSocket('ws://127.0.0.1:${vigiePort}/ws');
      ws.onopen = () => { ws.send(JSON.stringify({ id: 1, call: 'sources.list', params: {} })); };
      ws.onmessage = (e) => resolve('answered: ' + e.data);
      ws.onclose = (e) => resolve('closed ' + e.code);
    });
  </script>`;
  const attacker = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackerPage);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  try {
    const port = (attacker.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/`);
    const result = await page.evaluate('window.result');
    expect(result).toMatch(/^closed /);
    // The same page from the server's own origin is answered: the refusal is the Origin check.
    await page.goto(vigie.url);
    const own = await page.evaluate(`new Promise((resolve) => {
      const ws = new WebSocket('ws://127.0.0.1:${vigiePort}/ws');
      ws.onopen = () => resolve('open');
      ws.onclose = (e) => resolve('closed ' + e.code);
    })`);
    expect(own).toBe('open');
  } finally {
    await new Promise((r) => attacker.close(r));
  }
});
