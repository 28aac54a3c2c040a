// Self-contained HTML: one file, styles inline, charts as inline SVG, no script, no font, image or
// stylesheet fetched from anywhere (a CSP meta forbids it too). Every recorded text is escaped; links
// are printed in full and only http(s) links are clickable.
import { chartGeometry, chartSvg } from './charts';
import type { Block } from './document';
import type { ReportModel } from './model';

export function htmlEscape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const esc = htmlEscape;
const paras = (text: string) => esc(text).replace(/\r?\n/g, '<br>');

function link(url: string): string {
  return /^https?:\/\//i.test(url)
    ? `<a href="${esc(url)}" rel="noopener noreferrer nofollow">${esc(url)}</a>`
    : `<span class="url">${esc(url)}</span>`;
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2630; margin: 2rem auto; max-width: 60rem; padding: 0 1.5rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #d5dbe1; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.subtitle { color: #5b6670; margin: 0; }
.muted { color: #5b6670; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .9rem; }
th, td { border: 1px solid #d5dbe1; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f5; }
td.num { text-align: right; white-space: nowrap; }
table.kv th { width: 32%; font-weight: 600; }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
blockquote { border-left: 4px solid #3b6ea8; margin: .8rem 0; padding: .3rem .8rem; background: #f6f8fa; }
blockquote .meta { color: #5b6670; font-size: .85rem; }
.url, a { overflow-wrap: anywhere; color: #1d4f8a; }
.statement { border: 1px solid #d5dbe1; padding: .6rem .9rem; margin: .8rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure, blockquote, .statement { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

export function renderHtml(blocks: Block[], model: ReportModel): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        out.push(`<h1>${esc(b.text)}</h1>`, ...b.subtitle.map((s) => `<p class="subtitle">${esc(s)}</p>`));
        break;
      case 'h2':
        out.push(`<h2>${esc(b.text)}</h2>`);
        break;
      case 'h3':
        out.push(`<h3>${esc(b.text)}</h3>`);
        break;
      case 'p':
        out.push(`<p${b.muted ? ' class="muted"' : ''}>${paras(b.text)}</p>`);
        break;
      case 'kv':
        out.push(
          `<table class="kv"><tbody>\n${b.rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n')}\n</tbody></table>`,
        );
        break;
      case 'table': {
        if (b.rows.length === 0) break;
        const num = new Set(b.numeric ?? []);
        out.push(
          `<table><thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>\n` +
            b.rows
              .map(
                (r) =>
                  `<tr>${r.map((c, i) => `<td${num.has(i) ? ' class="num"' : ''}>${paras(c)}</td>`).join('')}</tr>`,
              )
              .join('\n') +
            '\n</tbody></table>',
        );
        break;
      }
      case 'list':
        out.push(
          b.items.length === 0
            ? `<p class="muted">${esc(b.empty)}</p>`
            : `<ul>\n${b.items.map((i) => `<li>${paras(i)}</li>`).join('\n')}\n</ul>`,
        );
        break;
      case 'chart': {
        const g = chartGeometry(model.impact.curve.buckets, b.chart);
        out.push(`<figure><figcaption>${esc(b.title)}</figcaption>\n${chartSvg(g, b.title, esc)}\n</figure>`);
        break;
      }
      case 'quote':
        out.push(
          `<blockquote><div class="meta">${esc(b.meta)}</div><p>${paras(b.text)}</p>` +
            (b.url ? `<div>${link(b.url)}</div>` : '') +
            (b.note ? `<div class="muted">${paras(b.note)}</div>` : '') +
            '</blockquote>',
        );
        break;
      case 'statement':
        out.push(
          `<section class="statement"><h3>${esc(b.title)}</h3><p class="meta muted">${esc(b.meta)}</p><p>${paras(b.body)}</p></section>`,
        );
        break;
    }
  }
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(blocks[0]?.type === 'title' ? blocks[0].text : model.incident.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${out.join('\n')}
</body>
</html>
`;
}
