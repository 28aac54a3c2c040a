import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/core/sync/formats/decode';

const TEXT = 'Date;Auteur;Contenu\r\n25/11/2026 14:03;élodie;Coupure à Besançon « encore » ça dure\r\n';
const bom = (...bytes: number[]) => Buffer.from(bytes);

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([bom(0xef, 0xbb, 0xbf), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([bom(0xff, 0xfe), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16LE without BOM (found by its NULs)', Buffer.from(TEXT, 'utf16le')],
    ['UTF-16BE with BOM', Buffer.concat([bom(0xfe, 0xff), Buffer.from(TEXT, 'utf16le').swap16()])],
    ['Windows-1252 (Excel "CSV" on Windows)', Buffer.from(TEXT, 'latin1')],
  ])('%s', (_name, bytes) => {
    expect(decodeText(bytes)).toBe(TEXT);
  });

  it('reads Windows-1252 characters Latin-1 lacks (’ € œ)', () => {
    const bytes = Buffer.from([
      0x4c, 0x92, 0x6f, 0x66, 0x66, 0x72, 0x65, 0x20, 0x80, 0x20, 0x9c, 0x75, 0x76, 0x72, 0x65,
    ]);
    expect(decodeText(bytes)).toBe('L’offre € œuvre');
  });

  it('keeps UTF-8 with a stray broken byte as UTF-8 (one replacement character, not mojibake)', () => {
    const bytes = Buffer.concat([
      Buffer.from('Réseau coupé à Besançon, ', 'utf8'),
      bom(0xff),
      Buffer.from(' fin', 'utf8'),
    ]);
    expect(decodeText(bytes)).toBe('Réseau coupé à Besançon, \uFFFD fin');
  });

  it('does not mistake binary data with NULs for UTF-16', () => {
    const zip = Buffer.from('504b0304140006000800000021007a8c5e4b6d0100001205000013', 'hex');
    expect(decodeText(zip).startsWith('PK\x03\x04')).toBe(true);
  });

  it('handles empty and tiny inputs', () => {
    expect(decodeText(Buffer.alloc(0))).toBe('');
    expect(decodeText(bom(0xef, 0xbb, 0xbf))).toBe('');
    expect(decodeText(bom(0xff, 0xfe))).toBe('');
    expect(decodeText(Buffer.from('a'))).toBe('a');
  });

  it('fuzz: any bytes decode without throwing; UTF-8 text round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(typeof decodeText(Buffer.from(bytes))).toBe('string');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        // A leading U+FEFF would be read as a BOM, as intended.
        const text = s.replace(/^\uFEFF/, '');
        expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
