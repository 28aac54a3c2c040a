// The charset of an HTTP body: the Content-Type header first, then an XML prolog (feeds in
// ISO-8859-1 or Windows-1252 still exist, and some servers only say it in the prolog).
import { decodeWithCharset } from './formats/decode';

export function decodeBody(bytes: Buffer, contentType: string | null): string {
  return decodeWithCharset(bytes, headerCharset(contentType) ?? prologCharset(bytes));
}

function headerCharset(contentType: string | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType) : null;
  return m?.[2] ?? null;
}

function prologCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 200).toString('latin1');
  const m = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/.exec(head.replace(/^\uFEFF|^ï»¿/, ''));
  return m?.[1] ?? null;
}
