// Reading a playbook or template file as YAML while keeping where each field is: the file's text,
// its parsed document, the line of any field, and schema problems turned into located issues.
import fs from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { PlaybookError, type PlaybookIssue } from './playbook-error';

export type PathSeg = string | number;

/** A parsed YAML document and a way to point at any of its fields by line. */
export class SourceMap {
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    source: string,
  ) {
    this.doc = parseDocument(source, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  lineAt(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  syntaxIssues(): PlaybookIssue[] {
    return this.doc.errors.map((e) => ({
      file: this.file,
      line: this.lineAt(e.pos[0]),
      field: null,
      message: `YAML syntax: ${e.message.split('\n')[0]}`,
    }));
  }

  /** Line of the field at `p`; when it does not exist, the line of the closest parent that does. */
  line(p: readonly PathSeg[]): number | null {
    let node: unknown = this.doc.contents;
    let best: number | null = this.rangeLine(node);
    for (const seg of p) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === seg);
        if (!pair) return best;
        best = this.rangeLine(pair.key) ?? best;
        node = pair.value;
        // A key with an empty value: stay on the key's line.
        if (isScalar(node) && node.value === null) return best;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        if (node === undefined) return best;
      } else {
        return best;
      }
      best = this.rangeLine(node) ?? best;
    }
    return best;
  }

  /** Line of the key `key` inside the map at `p` (for unknown keys). */
  keyLine(p: readonly PathSeg[], key: string): number | null {
    const node = p.length ? this.doc.getIn(p, true) : this.doc.contents;
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
      if (pair) return this.rangeLine(pair.key);
    }
    return this.line(p);
  }

  /** File line of the first content line of a text value (block scalars start one line down). */
  textStartLine(p: readonly PathSeg[]): number | null {
    const node = this.doc.getIn(p, true);
    if (!isScalar(node) || !node.range) return null;
    const l = this.lineAt(node.range[0]);
    return node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? l + 1 : l;
  }

  private rangeLine(node: unknown): number | null {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineAt(range[0]) : null;
  }
}

/** "steps[3] (notify-cnil).owner" from ['steps', 3, 'owner'], with the step's id when it has one. */
export function fieldName(p: readonly PathSeg[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const seg of p) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
      node = Array.isArray(node) ? node[seg] : undefined;
      const id = (node as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && id) out += ` (${id})`;
    } else {
      out += out ? `.${seg}` : seg;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out || '(top level)';
}

function valueAt(data: unknown, p: readonly PathSeg[]): unknown {
  let node = data;
  for (const seg of p) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** The schema's complaints, each on its line with its field name. */
export function zodIssues(src: SourceMap, data: unknown, error: z.ZodError): PlaybookIssue[] {
  const out: PlaybookIssue[] = [];
  for (const issue of error.issues) {
    const p = issue.path.filter((s): s is PathSeg => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          file: src.file,
          line: src.keyLine(p, key),
          field: fieldName([...p, key], data),
          message: `unknown field "${key}" (check its spelling and indentation; see resources/playbooks/README.md)`,
        });
      }
      continue;
    }
    const missing = p.length > 0 && valueAt(data, p) === undefined;
    out.push({
      file: src.file,
      line: src.line(p),
      field: fieldName(p, data),
      message: missing ? `missing field (${issue.message})` : issue.message,
    });
  }
  return out;
}

/** The file's text without a byte-order mark. Throws PlaybookError when it cannot be read. */
export function readSource(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new PlaybookError([
      { file, line: null, field: null, message: `cannot read the file: ${(err as Error).message}` },
    ]);
  }
}

/** Parses the text as one YAML map; syntax errors, an empty file or a non-map throw PlaybookError. */
export function parseYaml(file: string, source: string, format: string): { src: SourceMap; data: unknown } {
  const src = new SourceMap(file, source);
  const syntax = src.syntaxIssues();
  if (syntax.length) throw new PlaybookError(syntax);
  const data: unknown = src.doc.toJS();
  if (data === null || data === undefined) {
    throw new PlaybookError([
      { file, line: null, field: null, message: `the file is empty (start with "format: ${format}")` },
    ]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PlaybookError([
      {
        file,
        line: 1,
        field: null,
        message: `expected fields such as "format: ${format}", "id: …" at the top level`,
      },
    ]);
  }
  return { src, data };
}
