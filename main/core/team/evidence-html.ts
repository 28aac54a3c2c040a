// The evidence dossier as one self-contained HTML page (strict CSP, no script, every value escaped).
import crypto from 'node:crypto';
import { formatLocal, type Lang } from './format';
import { LABELS } from './evidence-labels';
import type { Dossier } from './evidence-records';
import {
  codePointLabel,
  displayText,
  escapeHtml,
  isSuspiciousCodePoint,
  safeHttpUrl,
  stripSuspicious,
} from './evidence-safe-text';

function nonAsciiNote(value: string, lang: Lang): string {
  const cps = [
    ...new Set([...value].map((c) => c.codePointAt(0) ?? 0).filter((cp) => cp > 0x7e || cp < 0x20)),
  ];
  if (cps.length === 0) return '';
  const list = cps
    .slice(0, 20)
    .map((cp) =>
      isSuspiciousCodePoint(cp)
        ? codePointLabel(cp)
        : `${displayText(String.fromCodePoint(cp))} ${codePointLabel(cp)}`,
    )
    .join(', ');
  return ` <span class="warn">${escapeHtml(LABELS[lang].nonAscii)} ${list}${cps.length > 20 ? ', …' : ''}</span>`;
}

function linkHtml(raw: string | null, lang: Lang): string {
  const L = LABELS[lang];
  if (raw === null || raw === '') return `<span class="muted">${escapeHtml(L.noLink)}</span>`;
  const shown = `<bdi class="url">${displayText(raw)}</bdi>`;
  const url = safeHttpUrl(raw);
  if (!url) {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
    const why = scheme ? L.scheme(`${scheme.toLowerCase()}:`) : L.invalidUrl;
    return `${shown} <span class="warn">(${escapeHtml(L.notClickable(why))})</span>`;
  }
  const host = url.hostname.includes('xn--')
    ? ` <span class="warn">(${escapeHtml(L.host(url.hostname))})</span>`
    : '';
  return `<a href="${escapeHtml(url.href)}" rel="noopener noreferrer" target="_blank">${shown}</a>${host}`;
}

const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;line-height:1.45}',
  'h1{font-size:1.6rem;margin-bottom:.5rem}',
  'h2{font-size:1.1rem;margin:0 0 .5rem}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}',
  'dt{font-weight:600;color:#444}',
  'dd{margin:0;overflow-wrap:anywhere}',
  '.item{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0;page-break-inside:avoid}',
  '.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;border-left:3px solid #999;padding:.5rem .75rem;margin:0;font-family:inherit}',
  'code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}',
  '.cc{background:#ffe08a;color:#000;border-radius:3px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8em;padding:0 .15em}',
  '.warn{color:#a40000;font-size:.9em}',
  '.muted{color:#777}',
  '.method{font-size:.9em;color:#444}',
  '@media print{body{margin:0;max-width:none}a{color:inherit}}',
].join('\n');

const STYLE_HASH = crypto.createHash('sha256').update(STYLE, 'utf8').digest('base64');

/**
 * Self-contained HTML: one inline <style> allowed by its hash in a CSP that forbids everything
 * else (no script, no image, no font, no frame, no form, no base). Nothing from the data reaches
 * the markup unescaped; the only attribute built from data is the href of http(s) links.
 */
export function renderDossierHtml(d: Dossier, lang: Lang): string {
  const L = LABELS[lang];
  const row = (label: string, valueHtml: string) => `<dt>${escapeHtml(label)}</dt><dd>${valueHtml}</dd>`;
  const opt = (v: string | null) =>
    v === null || v === '' ? escapeHtml(L.none) : `<bdi>${displayText(v)}</bdi>`;
  const title = `${L.title} — ${d.subject}`;
  const items = d.items.map((it, i) => {
    const r = it.record;
    const created = Date.parse(r.createdAt);
    const a = it.annotations;
    return [
      `<section class="item" id="item-${i + 1}">`,
      `<h2>${escapeHtml(`${L.n} ${i + 1}`)} — ${displayText(r.platform)} — ${escapeHtml(r.createdAt)}</h2>`,
      '<dl>',
      row(L.utc, escapeHtml(r.createdAt)),
      row(L.local, escapeHtml(formatLocal(created, d.timeZone))),
      row(L.platform, `<bdi>${displayText(r.platform)}</bdi>`),
      row(L.author, `<bdi>${displayText(r.authorHandle)}</bdi>${nonAsciiNote(r.authorHandle, lang)}`),
      row(
        L.authorName,
        r.authorName === null ? escapeHtml(L.none) : `<bdi>${displayText(r.authorName)}</bdi>`,
      ),
      row(L.link, linkHtml(r.url, lang)),
      row(L.text, `<div class="text" dir="auto">${displayText(r.text)}</div>`),
      row(L.sha, `<code class="hash">${escapeHtml(it.sha256)}</code>`),
      row(L.mentionId, opt(r.mentionId)),
      row(L.externalId, opt(r.externalId)),
      row(L.replyTo, opt(r.replyTo)),
      row(L.lang, opt(r.lang)),
      row(L.captured, escapeHtml(r.capturedAt ?? L.none)),
      row(L.frozen, escapeHtml(r.frozenAt)),
      row(L.frozenBy, `<bdi>${displayText(r.frozenBy)}</bdi>`),
      row(L.toxicity, escapeHtml(a.toxicity === null ? L.none : formatTox(a.toxicity, lang))),
      row(L.target, escapeHtml(a.target === null ? L.none : L.targets[a.target])),
      ...(a.note ? [row(L.note, `<bdi>${displayText(a.note)}</bdi>`)] : []),
      '</dl>',
      '</section>',
    ].join('\n');
  });
  const csp = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(stripSuspicious(title))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(L.title)}${d.title ? ` — <bdi>${displayText(d.title)}</bdi>` : ''}</h1>`,
    '<dl>',
    row(L.subject, `<bdi>${displayText(d.subject)}</bdi>`),
    row(L.caseId, d.caseId === null ? escapeHtml(L.none) : `<bdi>${displayText(d.caseId)}</bdi>`),
    row(L.preparedBy, `<bdi>${displayText(d.preparedBy)}</bdi>`),
    row(
      L.generatedAt,
      `${escapeHtml(d.generatedAt)} (${escapeHtml(formatLocal(Date.parse(d.generatedAt), d.timeZone))})`,
    ),
    row(L.timeZone, escapeHtml(d.timeZone)),
    row(L.count, escapeHtml(String(d.items.length))),
    row(L.dossierHash, `<code class="hash">${escapeHtml(d.dossierSha256)}</code>`),
    '</dl>',
    `<p class="method">${escapeHtml(L.method)}</p>`,
    `<p class="method">${escapeHtml(L.marks)}</p>`,
    '</header>',
    '<main>',
    ...(items.length ? items : [`<p>${escapeHtml(L.empty)}</p>`]),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function formatTox(t: number, lang: Lang): string {
  const s = t.toFixed(2);
  return lang === 'fr' ? s.replace('.', ',') : s;
}
