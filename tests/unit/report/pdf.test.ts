import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/tmp';
import { exportBytes } from './export-helpers';
import { fixtureStore } from './fixture';

let env: ReturnType<typeof fixtureStore>;
beforeEach(() => {
  env = fixtureStore();
});
afterEach(() => {
  env.db.close();
  env.tmp.cleanup();
});

// Page images land in test-results/report-pdf/ so a person can look at them.
const OUT = path.join(ROOT, 'test-results', 'report-pdf');

describe('PDF export', () => {
  it.each(['fr', 'en'] as const)(
    'opens, has its pages, embeds its font and prints accents and € (%s)',
    async (lang) => {
      const pdf = await exportBytes(env.db, { format: 'pdf', lang });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, `review-${lang}.pdf`);
      fs.writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(6);
      for (const f of fs.readdirSync(OUT)) if (f.startsWith(`page-${lang}-`)) fs.rmSync(path.join(OUT, f));
      execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(OUT, `page-${lang}`)]);
      expect(fs.readdirSync(OUT).filter((f) => f.startsWith(`page-${lang}-`))).toHaveLength(pages);
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
        /DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/,
      );
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(lang === 'fr' ? 'Retour d’expérience' : 'Post-incident review');
      expect(text).toContain("100 € perdus, c'est révoltant");
      expect(text).toContain('<script>alert("x")</script>'); // printed as text, the PDF has no scripts
      expect(text).toContain(
        `${lang === 'fr' ? 'Page' : 'Page'} ${pages} ${lang === 'fr' ? 'sur' : 'of'} ${pages}`,
      );
      // Emoji the font lacks become □ instead of vanishing.
      expect(text).toContain('□');
    },
  );
});
