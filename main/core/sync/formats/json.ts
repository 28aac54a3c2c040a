// JSON: an array of Vigie mentions, or {mentions: […]}. Bad objects are quarantined with their
// position and line; a file that is not such JSON imports nothing.
import { FormatError, Rejection, emptyResult, excerpt, setAside, type ParseResult } from '../types';
import { rejectBinary } from './not-text';
import type { FileFormat } from './registry';
import { isObj, looksLikeVigieRecord, vigieRecordToMention } from './vigie-record';

const SNIFF_HEAD = 64 * 1024;

export function parseJsonMentions(text: string): ParseResult {
  rejectBinary(text, 'a JSON file');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const lines = text.split('\n', 3).filter((l) => l.trim().startsWith('{'));
    const hint = lines.length >= 2 ? ' It looks like NDJSON (one object per line): use --format ndjson.' : '';
    throw new FormatError(`This is not valid JSON.${hint}`);
  }
  const items = Array.isArray(value)
    ? value
    : isObj(value) && Array.isArray(value.mentions)
      ? value.mentions
      : null;
  if (!items) throw new FormatError('This JSON is neither an array of mentions nor {"mentions": […]}.');
  if (items.length > 0 && !items.some(looksLikeVigieRecord)) {
    throw new FormatError('This JSON holds no Vigie mentions (objects with platform, text and createdAt).');
  }
  const out = emptyResult();
  let lines: number[] | null = null;
  items.forEach((item, i) => {
    const mention = vigieRecordToMention(item);
    if (!(mention instanceof Rejection)) {
      out.mentions.push(mention);
      return;
    }
    lines ??= elementLines(text);
    const line = lines[i];
    const prefix = `JSON item ${i + 1}${line ? ` (line ${line})` : ''}: `;
    out.quarantined.push(
      setAside(prefix, mention, excerpt(item), line ? { unit: 'line', n: line } : { unit: 'item', n: i + 1 }),
    );
  });
  return out;
}

/**
 * Line on which each element of the mentions array starts (the root array, or the "mentions" array
 * of the root object). A position scan over text JSON.parse has already accepted: strings and nesting
 * are tracked, nothing is interpreted.
 */
export function elementLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastString = '';
  let key = '';
  let target = -1; // depth of the elements, once the array is open
  let expect = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) {
        inString = false;
        if (depth === 1 && target < 0) lastString = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === 0x0a) line++;
    if (c === 0x0a || c === 0x20 || c === 0x09 || c === 0x0d || c === 0xfeff) continue;
    if (depth === target && expect && c !== 0x5d) {
      out.push(line);
      expect = false;
    }
    if (c === 0x22) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 0x3a && depth === 1) key = lastString;
    else if (c === 0x2c && depth === target) expect = true;
    else if (c === 0x5b || c === 0x7b) {
      if (target < 0 && c === 0x5b && (depth === 0 || (depth === 1 && key === 'mentions'))) {
        target = depth + 1;
        expect = true;
      }
      depth++;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (target >= 0 && depth < target) break;
    }
  }
  return out;
}

export const jsonFormat: FileFormat = {
  name: 'json',
  sniff(text) {
    const head = text
      .slice(0, SNIFF_HEAD)
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (!head.startsWith('[') && !head.startsWith('{')) return false;
    return (
      /"platform"\s*:/.test(head) && /"text"\s*:/.test(head) && /"(createdAt|created_at)"\s*:/.test(head)
    );
  },
  parse: (text) => parseJsonMentions(text),
};
