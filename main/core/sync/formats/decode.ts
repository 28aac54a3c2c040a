// File bytes to text: UTF-8 (with or without BOM) and UTF-16LE (with BOM, or recognised by its NULs).
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (looksUtf16le(bytes)) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** ASCII text in UTF-16LE has a NUL in almost every odd byte. */
function looksUtf16le(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let oddNuls = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) oddNuls++;
  return oddNuls / (n / 2) > 0.6;
}
