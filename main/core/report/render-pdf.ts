// PDF with PDFKit, produced in the core so the app and the CLI write the same file. PDFKit's standard
// fonts only cover WinAnsi, so DejaVu Sans (accents, €, arrows, narrow spaces) is embedded; a
// character the font lacks (most emoji) is printed as □ rather than silently vanishing.
import fs from 'node:fs';
import path from 'node:path';
import { chartGeometry, COLORS } from './charts';
import type { Block } from './document';
import type { ReportModel } from './model';
import { STRINGS } from './strings';

// require(), not import: bundled as CommonJS, PDFKit's ESM build reads `import.meta.url` at load time,
// which a CommonJS bundle does not have; its CommonJS build uses __filename instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

export interface PdfFonts {
  regular: string;
  bold: string;
}

export function pdfFonts(resourcesDir: string): PdfFonts {
  const dir = path.join(resourcesDir, 'fonts');
  const fonts = { regular: path.join(dir, 'DejaVuSans.ttf'), bold: path.join(dir, 'DejaVuSans-Bold.ttf') };
  for (const f of Object.values(fonts))
    if (!fs.existsSync(f)) throw new Error(`The PDF font is missing: ${f}. Reinstall Vigie.`);
  return fonts;
}

interface GlyphFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

const MARGIN = 50;
const GREY = '#5b6670';

export function renderPdf(blocks: Block[], model: ReportModel, fonts: PdfFonts): Promise<Buffer> {
  const s = STRINGS[model.lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: fonts.regular,
    bufferPages: true,
    lang: model.lang === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    info: {
      Title: blocks[0]?.type === 'title' ? blocks[0].text : model.incident.title,
      Creator: 'Vigie',
      Producer: 'Vigie',
      CreationDate: new Date(model.generatedAt),
      ModDate: new Date(model.generatedAt),
    },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('body');
  const glyphs = (doc as unknown as { _font: { font: GlyphFont } })._font.font;
  // Joiners, variation selectors and skin tones belong to the emoji before them: drop them.
  const safe = (text: string) =>
    Array.from(text.replace(/\u200d|\ufe0e|\ufe0f|\u{1f3fb}|\u{1f3fc}|\u{1f3fd}|\u{1f3fe}|\u{1f3ff}/gu, ''))
      .map((ch) => (ch === '\n' || glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : '□'))
      .join('');
  const width = doc.page.width - 2 * MARGIN;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const ensure = (h: number) => {
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
  };
  const heading = (text: string, size: number, gap: number) => {
    ensure(size * 8);
    doc
      .moveDown(gap)
      .font('bold')
      .fontSize(size)
      .fillColor('#1d2630')
      .text(safe(text), MARGIN, doc.y, { width });
    doc.font('body').fontSize(10).moveDown(0.3);
  };
  const table = (head: string[], rows: string[][], numeric: number[] = [], kv = false) => {
    if (rows.length === 0) return;
    ensure(70);
    doc.fontSize(kv ? 9.5 : 8.5);
    const data = kv ? rows.map((r) => r.map(safe)) : [head.map(safe), ...rows.map((r) => r.map(safe))];
    // Columns share the width by how much text they hold (numbers narrow, free text wide).
    const n = (kv ? rows[0]!.length : head.length) || 1;
    const weight = Array.from({ length: n }, (_, i) => {
      if (kv) return i === 0 ? 1 : 2;
      const longest = Math.max(...data.map((r) => Math.min(60, (r[i] ?? '').length)));
      return numeric.includes(i) ? 0.6 : Math.max(0.8, Math.min(3, longest / 18));
    });
    const total = weight.reduce((a, b) => a + b, 0);
    doc.table({
      data,
      position: { x: MARGIN },
      maxWidth: width,
      columnStyles: (i: number) => ({
        width: (width * weight[i]!) / total,
        ...(numeric.includes(i) && !kv ? { align: { x: 'right' } } : {}),
      }),
      defaultStyle: { border: 0.5, borderColor: '#d5dbe1', padding: 3 },
      rowStyles: (i: number) => (!kv && i === 0 ? { backgroundColor: '#eef2f5', font: 'bold' } : {}),
    } as unknown as PDFKit.Mixins.TableOptions);
    doc.fontSize(10).moveDown(0.6);
  };

  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        doc.font('bold').fontSize(18).fillColor('#1d2630').text(safe(b.text), { width });
        doc.font('body').fontSize(9).fillColor(GREY);
        for (const line of b.subtitle) doc.text(safe(line), { width });
        doc.fillColor('#1d2630').fontSize(9).text(safe(s.pdfEmoji), { width });
        doc.fontSize(10).moveDown(0.5);
        break;
      case 'h2':
        heading(b.text, 14, 0.8);
        break;
      case 'h3':
        heading(b.text, 11.5, 0.4);
        break;
      case 'p':
        ensure(30);
        doc
          .fontSize(10)
          .fillColor(b.muted ? GREY : '#1d2630')
          .text(safe(b.text), MARGIN, doc.y, { width });
        doc.fillColor('#1d2630').moveDown(0.5);
        break;
      case 'kv':
        table([], b.rows, [], true);
        break;
      case 'table':
        table(b.head, b.rows, b.numeric);
        break;
      case 'list':
        ensure(30);
        if (b.items.length === 0)
          doc.fillColor(GREY).text(safe(b.empty), MARGIN, doc.y, { width }).fillColor('#1d2630');
        else doc.list(b.items.map(safe), MARGIN, doc.y, { width: width - 15, bulletRadius: 2 });
        doc.moveDown(0.5);
        break;
      case 'chart': {
        const g = chartGeometry(model.impact.curve.buckets, b.chart);
        const scale = width / g.width;
        ensure(g.height * scale + 30);
        doc.font('bold').fontSize(10).text(safe(b.title), MARGIN, doc.y, { width }).font('body');
        const top = doc.y + 4;
        const X = (x: number) => MARGIN + x * scale;
        const Y = (y: number) => top + y * scale;
        for (const l of g.grid) {
          doc
            .moveTo(X(g.axis.x1), Y(l.y))
            .lineTo(X(g.axis.x2), Y(l.y))
            .lineWidth(0.5)
            .strokeColor(COLORS.grid)
            .stroke();
          doc
            .fontSize(7)
            .fillColor(COLORS.text)
            .text(l.label, X(0), Y(l.y) - 3.5, {
              width: X(g.axis.x1 - 6) - X(0),
              align: 'right',
              lineBreak: false,
            });
        }
        for (const r of g.bars) doc.rect(X(r.x), Y(r.y), r.w * scale, r.h * scale).fill(r.color);
        for (const t of g.ticks)
          doc
            .fontSize(7)
            .fillColor(COLORS.text)
            .text(t.label, X(t.x) - 20, Y(g.height - 16), { width: 40, align: 'center', lineBreak: false });
        doc.fillColor('#1d2630').fontSize(10);
        doc.x = MARGIN;
        doc.y = top + g.height * scale + 8;
        break;
      }
      case 'quote': {
        ensure(50);
        const x = MARGIN + 10;
        const startY = doc.y;
        doc
          .fontSize(8.5)
          .fillColor(GREY)
          .text(safe(b.meta), x, doc.y, { width: width - 10 });
        doc
          .fontSize(10)
          .fillColor('#1d2630')
          .text(safe(b.text), x, doc.y, { width: width - 10 });
        if (b.url)
          doc
            .fontSize(8.5)
            .fillColor('#1d4f8a')
            .text(safe(b.url), x, doc.y, { width: width - 10 });
        if (b.note)
          doc
            .fontSize(8.5)
            .fillColor(GREY)
            .text(safe(b.note), x, doc.y, { width: width - 10 });
        if (doc.y > startY) doc.rect(MARGIN, startY, 3, doc.y - startY).fill('#3b6ea8');
        doc.fillColor('#1d2630').fontSize(10).moveDown(0.6);
        doc.x = MARGIN;
        break;
      }
      case 'statement':
        ensure(60);
        doc.font('bold').fontSize(10.5).text(safe(b.title), MARGIN, doc.y, { width }).font('body');
        doc.fontSize(8.5).fillColor(GREY).text(safe(b.meta), { width });
        doc.fontSize(10).fillColor('#1d2630').text(safe(b.body), { width });
        doc.moveDown(0.6);
        break;
    }
  }

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const label = `${s.page} ${i + 1} ${s.of} ${range.count}`;
    doc
      .fontSize(8)
      .fillColor(GREY)
      .text(label, MARGIN, doc.page.height - MARGIN + 15, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
