// In Chromium (Playwright, the system browser the E2E tests use) on web mode: the war-room's first
// render on a filled store, and how long a committed mention takes to show in the feed.
import { chromium, type Browser } from '@playwright/test';
import fs from 'node:fs';
import { percentile, round } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1366, height: 768 };

export async function launchBrowser(): Promise<Browser | null> {
  if (!fs.existsSync(CHROMIUM)) return null;
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

interface PageElement {
  getAttribute(name: string): string | null;
}
/** The page's globals this file touches (it is type-checked without the DOM library). */
type PageGlobals = {
  document: { querySelector(selector: string): PageElement | null };
  __vigieSeen?: object;
};

/** In the page: the war-room is rendered when the feed shows rows, the chart its volume, the counters. */
function renderedAt(): number | false {
  const { document } = globalThis as unknown as PageGlobals;
  const row = document.querySelector('[data-testid="mention-row"]');
  const chart = document.querySelector('[data-testid="timeline-chart"]');
  const total = document.querySelector('[data-testid="counter-total"]');
  const charted = Number(chart?.getAttribute('data-total') || 0) > 0;
  return row && charted && total?.getAttribute('data-value') ? performance.now() : false;
}

export interface FirstRender {
  firstMs: number;
  p50Ms: number;
  /** The slowest contract calls of the first (cold) visit: name → ms from sent to answered. */
  slowestCalls: { call: string; ms: number }[];
}

/** Navigation start → war-room rendered, in ms: the first visit (cold server) and the median of all. */
export async function firstRender(browser: Browser, url: string, runs = 3): Promise<FirstRender> {
  const times: number[] = [];
  let slowestCalls: FirstRender['slowestCalls'] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
    const page = await context.newPage();
    // The contract over the WebSocket: {id, call} out, {id, ok} back; timed per call.
    const sent = new Map<number, { call: string; at: number }>();
    const calls: { call: string; ms: number }[] = [];
    page.on('websocket', (ws) => {
      ws.on('framesent', ({ payload }) => {
        const msg = parseFrame(payload) as { id?: number; call?: string } | null;
        if (msg?.id !== undefined && msg.call) sent.set(msg.id, { call: msg.call, at: performance.now() });
      });
      ws.on('framereceived', ({ payload }) => {
        const msg = parseFrame(payload) as { id?: number } | null;
        const out = msg?.id !== undefined ? sent.get(msg.id) : undefined;
        if (out) calls.push({ call: out.call, ms: Math.round(performance.now() - out.at) });
      });
    });
    await page.goto(url);
    const handle = await page.waitForFunction(renderedAt, null, { polling: 'raf', timeout: 120_000 });
    times.push(Number(await handle.jsonValue()));
    if (i === 0) slowestCalls = calls.sort((a, b) => b.ms - a.ms).slice(0, 5);
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { firstMs: Math.round(times[0]!), p50Ms: Math.round(percentile(sorted, 50)), slowestCalls };
}

function parseFrame(payload: string | Buffer): unknown {
  try {
    return JSON.parse(payload.toString());
  } catch {
    return null;
  }
}

/** Runs in the page before the app: the wall-clock time each feed row (by mention id) first appears. */
const WATCH_ROWS = `(() => {
  const seen = (window.__vigieSeen = {});
  const note = (el) => {
    const id = el.getAttribute && el.getAttribute('data-id');
    if (id && el.getAttribute('data-testid') === 'mention-row' && !(id in seen)) seen[id] = Date.now();
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') note(r.target);
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        note(n);
        n.querySelectorAll('[data-testid="mention-row"]').forEach(note);
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-id'] });
})();`;

/**
 * Watches the feed for `durationMs` while the server replays; returns when each row appeared and
 * when the watch began. Commit times come from the store afterwards (fetched_at, set in the ingest
 * transaction), so both ends use the same machine clock.
 */
export async function watchFeed(
  browser: Browser,
  url: string,
  durationMs: number,
): Promise<{ seen: Record<string, number>; watchFrom: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.addInitScript({ content: WATCH_ROWS });
  await page.goto(url);
  await page.waitForSelector('[data-testid="mention-row"]', { timeout: 60_000 });
  const watchFrom = Date.now();
  await page.waitForTimeout(durationMs);
  const seen = (await page.evaluate(
    () => (globalThis as unknown as PageGlobals).__vigieSeen ?? {},
  )) as Record<string, number>;
  await context.close();
  return { seen, watchFrom };
}

export function latencyStats(latencies: number[]): {
  samples: number;
  p50: number;
  p95: number;
  max: number;
} {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50), 0),
    p95: round(percentile(sorted, 95), 0),
    max: round(sorted.at(-1) ?? NaN, 0),
  };
}
