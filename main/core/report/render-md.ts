// Markdown (CommonMark + pipe tables), readable as plain text and opened by Word through pandoc or
// a paste. Every recorded text is escaped: a mention cannot add links, images, HTML or headings.
import type { Block } from './document';
import type { ReportModel } from './model';

/** Backslash-escapes what Markdown would interpret inside a line: no link, image, HTML or emphasis. */
export function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** mdInline, plus what would start a heading, list or rule at the beginning of a line. */
export function mdEscape(text: string): string {
  return mdInline(text)
    .replace(/^(\s*)([#=+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

const cell = (text: string) => mdInline(text.replace(/\s*[\r\n]+\s*/g, ' ').trim()) || ' ';

function table(head: string[], rows: string[][], numeric: number[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const sep = head.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  return [line(head.map(cell)), line(sep), ...rows.map((r) => line(r.map(cell)))].join('\n');
}

export function renderMarkdown(blocks: Block[], model: ReportModel): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        out.push(`# ${cell(b.text)}`, b.subtitle.map((s) => `*${cell(s)}*`).join('  \n'));
        break;
      case 'h2':
        out.push(`## ${cell(b.text)}`);
        break;
      case 'h3':
        out.push(`### ${cell(b.text)}`);
        break;
      case 'p':
        out.push(b.muted ? `*${cell(b.text)}*` : mdEscape(b.text.trim()).replace(/\n/g, '  \n'));
        break;
      case 'kv':
        out.push(
          ['| | |', '| --- | --- |', ...b.rows.map(([k, v]) => `| **${cell(k)}** | ${cell(v)} |`)].join('\n'),
        );
        break;
      case 'table':
        out.push(b.rows.length === 0 ? '' : table(b.head, b.rows, b.numeric));
        break;
      case 'list':
        out.push(
          b.items.length === 0
            ? `*${cell(b.empty)}*`
            : b.items.map((i) => `- ${mdEscape(i.replace(/\s*[\r\n]+\s*/g, ' ').trim())}`).join('\n'),
        );
        break;
      case 'chart':
        // Markdown has no pictures without files: the volume table that follows carries the figures.
        if (b.chart === 'volume') out.push(`**${cell(b.title)}**`);
        break;
      case 'quote': {
        const lines = b.text.split(/\r?\n/).map((l) => `> ${mdEscape(l)}`);
        out.push(
          [
            `> **${cell(b.meta)}**`,
            '>',
            ...lines,
            ...(b.url ? ['>', `> ${mdEscape(b.url)}`] : []),
            ...(b.note ? ['>', `> *${cell(b.note)}*`] : []),
          ].join('\n'),
        );
        break;
      }
      case 'statement':
        out.push(
          `### ${cell(b.title)}`,
          `*${cell(b.meta)}*`,
          b.body
            .split(/\r?\n/)
            .map((l) => `> ${mdEscape(l)}`)
            .join('\n'),
        );
        break;
    }
  }
  void model;
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}
