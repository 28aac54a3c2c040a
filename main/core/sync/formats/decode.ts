// File bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, or LE recognised by its NULs), and
// Windows-1252 for the legacy CSVs Excel still writes by default ("CSV (séparateur : point-virgule)").
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  if (looksUtf16le(bytes)) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: a legacy single-byte file, unless it is UTF-8 with a few broken bytes.
    return mostlySingleByte(bytes) ? windows1252(bytes) : new TextDecoder('utf-8').decode(bytes);
  }
}

/** 0x80–0x9F of Windows-1252 (the rest is Latin-1); the five unassigned bytes stay C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decoded here rather than by TextDecoder('windows-1252'), which some Node versions (20.x) read as
 * plain Latin-1, turning ’ € œ into invisible control characters.
 */
function windows1252(bytes: Buffer): string {
  return bytes
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Latin text in UTF-16LE has a NUL in almost every odd byte, and almost none in the even ones. */
function looksUtf16le(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  return oddNuls / (n / 2) > 0.6 && evenNuls / (n / 2) < 0.1;
}

/** More invalid UTF-8 bytes than valid multi-byte sequences in the first MB: Windows-1252 (Latin-1). */
function mostlySingleByte(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 1024 * 1024);
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return invalid > valid;
}

/**
 * Bytes whose charset was declared (HTTP Content-Type, XML prolog). Labels naming Latin-1 are read as
 * Windows-1252, as browsers do (the WHATWG Encoding standard): servers say iso-8859-1 and send ’ and €.
 * An unknown label falls back to detection.
 */
export function decodeWithCharset(bytes: Buffer, label: string | null): string {
  const name =
    label
      ?.trim()
      .toLowerCase()
      .replace(/^["']|["']$/g, '') ?? '';
  if (!name || name === 'utf-8' || name === 'utf8') return decodeText(bytes);
  if (/^(iso-?8859-1|latin-?1|l1|windows-1252|cp1252|us-ascii|ascii)$/.test(name)) {
    return windows1252(stripUtf8Bom(bytes));
  }
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    return decodeText(bytes);
  }
}

function stripUtf8Bom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
