/**
 * Canonical JSON for hashing evidence, the subset of RFC 8785 (JSON Canonicalization Scheme) that
 * evidence records need:
 * - no whitespace between tokens;
 * - object members sorted by their keys compared as UTF-16 code units (JavaScript's default sort);
 * - strings serialized as ECMAScript `JSON.stringify` does (RFC 8785 §3.2.2.2): `"` and `\` escaped,
 *   control characters as \b \t \n \f \r or \u00XX, lone surrogates as \uDXXX, everything else
 *   as is — text is NOT Unicode-normalized, the frozen text is hashed exactly as captured;
 * - numbers as ECMAScript serializes them (finite only; RFC 8785 §3.2.2.3), `-0` as `0`;
 * - `true`, `false`, `null`; arrays keep their order.
 * `undefined`, functions, NaN, Infinity, bigint and non-plain objects are refused.
 * The hash of a record is SHA-256 over the UTF-8 bytes of its canonical JSON, in lowercase hex.
 */
import crypto from 'node:crypto';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError('canonicalJson: not a plain object');
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      return `{${keys
        .map((k) => {
          if (obj[k] === undefined) throw new TypeError(`canonicalJson: undefined value at ${k}`);
          return `${JSON.stringify(k)}:${canonicalJson(obj[k])}`;
        })
        .join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot serialize a ${typeof value}`);
  }
}

export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
