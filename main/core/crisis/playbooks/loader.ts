// Loads playbooks (`*.playbook.yaml`) and statement templates (`templates/*.template.yaml`) from a
// list of folders: the shipped resources/playbooks first, then the user's folder (its data folder).
// A later folder's playbook or template with the same id replaces the earlier one, so a user
// customises a shipped playbook by copying it and keeping its id.
//
// Every problem is a PlaybookError whose message starts with "file:line:" and names the field, e.g.
//   …/breach.playbook.yaml:42: steps[3] (notify-cnil).min_level: unknown level "urgent"; …
// One bad file does not stop the others from loading: loadLibrary returns it in `errors`.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { VigieError } from '../../errors';
import { crisisConfig, type CrisisConfig, LANGS } from '../config';
import { BUILTIN_VARIABLES, scanPlaceholders } from '../templates';
import {
  PLAYBOOK_FORMAT,
  PLAYBOOK_SUFFIXES,
  playbookFileSchema,
  TEMPLATE_FORMAT,
  TEMPLATE_SUFFIXES,
  templateFileSchema,
  type Playbook,
  type StatementTemplate,
} from './schema';

export interface PlaybookIssue {
  file: string;
  /** 1-based; null when the problem is the file as a whole (unreadable, empty). */
  line: number | null;
  /** Dotted path of the field, e.g. "steps[3] (notify-cnil).owner"; null for syntax errors. */
  field: string | null;
  message: string;
}

const formatIssue = (i: PlaybookIssue): string =>
  `${i.file}${i.line !== null ? `:${i.line}` : ''}: ${i.field ? `${i.field}: ` : ''}${i.message}`;

/** A playbook or template file that cannot be used; `issues` lists every problem found in it. */
export class PlaybookError extends VigieError {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  readonly issues: PlaybookIssue[];
  constructor(issues: PlaybookIssue[]) {
    const sorted = [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const first = sorted[0]!;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super('bad_playbook', formatIssue(first) + more);
    this.name = 'PlaybookError';
    this.issues = sorted;
    this.file = first.file;
    this.line = first.line;
    this.field = first.field;
  }
}

type PathSeg = string | number;

/** A parsed YAML document and a way to point at any of its fields by line. */
class SourceMap {
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
function fieldName(p: readonly PathSeg[], data: unknown): string {
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

function zodIssues(src: SourceMap, data: unknown, error: z.ZodError): PlaybookIssue[] {
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

function readSource(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new PlaybookError([
      { file, line: null, field: null, message: `cannot read the file: ${(err as Error).message}` },
    ]);
  }
}

function parseYaml(file: string, source: string, format: string): { src: SourceMap; data: unknown } {
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

/** Parses one playbook's text; `file` names it in errors. Throws PlaybookError. */
export function parsePlaybook(source: string, file: string, config: CrisisConfig = crisisConfig()): Playbook {
  return parsePlaybookSource(source, file, config).playbook;
}

function parsePlaybookSource(
  source: string,
  file: string,
  config: CrisisConfig,
): { playbook: Playbook; src: SourceMap; data: unknown } {
  const { src, data } = parseYaml(file, source, PLAYBOOK_FORMAT);
  const parsed = playbookFileSchema.safeParse(data);
  if (!parsed.success) throw new PlaybookError(zodIssues(src, data, parsed.error));
  const pb = parsed.data;
  const issues: PlaybookIssue[] = [];
  const at = (p: PathSeg[], message: string) =>
    issues.push({ file, line: src.line(p), field: fieldName(p, data), message });

  const levels = config.levels.map((l) => l.id);
  const phases = config.phases.map((p) => p.id);
  if (pb.openingLevel !== null && !levels.includes(pb.openingLevel)) {
    at(['opening_level'], `unknown level "${pb.openingLevel}"; expected one of ${levels.join(', ')}`);
  }
  const clockLine = new Map<string, number | null>();
  pb.clocks.forEach((c, i) => {
    if (clockLine.has(c.id)) {
      at(['clocks', i, 'id'], `duplicate clock id "${c.id}" (first declared line ${clockLine.get(c.id)})`);
    } else clockLine.set(c.id, src.line(['clocks', i, 'id']));
  });
  const stepLine = new Map<string, number | null>();
  pb.steps.forEach((s, i) => {
    if (stepLine.has(s.id)) {
      at(['steps', i, 'id'], `duplicate step id "${s.id}" (first used line ${stepLine.get(s.id)})`);
    } else stepLine.set(s.id, src.line(['steps', i, 'id']));
    if (!levels.includes(s.minLevel)) {
      at(['steps', i, 'min_level'], `unknown level "${s.minLevel}"; expected one of ${levels.join(', ')}`);
    }
    if (!phases.includes(s.phase)) {
      at(['steps', i, 'phase'], `unknown phase "${s.phase}"; expected one of ${phases.join(', ')}`);
    }
    const clockRefs: [PathSeg[], string | null][] = [
      [['steps', i, 'starts_clock'], s.startsClock],
      [['steps', i, 'stops_clock'], s.stopsClock],
      [['steps', i, 'due', 'from'], s.due?.from.startsWith('clock:') ? s.due.from.slice(6) : null],
    ];
    for (const [p, ref] of clockRefs) {
      if (ref !== null && !clockLine.has(ref)) {
        const declared = [...clockLine.keys()];
        at(
          p,
          `unknown clock "${ref}"; ${declared.length ? `declared: ${declared.join(', ')}` : 'declare it under "clocks:"'}`,
        );
      }
    }
  });
  if (issues.length) throw new PlaybookError(issues);
  return { playbook: { ...pb, file }, src, data };
}

/** Parses one template's text; `file` names it in errors. Throws PlaybookError. */
export function parseTemplate(source: string, file: string): StatementTemplate {
  const { src, data } = parseYaml(file, source, TEMPLATE_FORMAT);
  const parsed = templateFileSchema.safeParse(data);
  if (!parsed.success) throw new PlaybookError(zodIssues(src, data, parsed.error));
  const t = parsed.data;
  const issues: PlaybookIssue[] = [];
  const builtin = BUILTIN_VARIABLES.map((v) => v.name);
  const declared = new Set<string>();
  t.variables.forEach((v, i) => {
    const p = ['variables', i, 'name'];
    if (builtin.includes(v.name)) {
      issues.push({
        file,
        line: src.line(p),
        field: fieldName(p, data),
        message: `"${v.name}" is built in: remove it from variables`,
      });
    } else if (declared.has(v.name)) {
      issues.push({
        file,
        line: src.line(p),
        field: fieldName(p, data),
        message: `variable "${v.name}" is declared twice`,
      });
    }
    declared.add(v.name);
  });
  const known = new Set([...builtin, ...declared]);
  const bodyLine = { fr: src.textStartLine(['body', 'fr']), en: src.textStartLine(['body', 'en']) };
  for (const lang of LANGS) {
    const first = bodyLine[lang] ?? src.line(['body', lang]);
    const lineOf = (bodyIdx: number) => (first === null ? null : first + bodyIdx);
    const { placeholders, problems } = scanPlaceholders(t.body[lang]);
    for (const bad of problems) {
      issues.push({
        file,
        line: lineOf(bad.bodyLine),
        field: `body.${lang}`,
        message: `malformed placeholder "${bad.name}": write {{variable_name}} (lowercase, digits, _)`,
      });
    }
    for (const ph of placeholders) {
      if (!known.has(ph.name)) {
        issues.push({
          file,
          line: lineOf(ph.bodyLine),
          field: `body.${lang}`,
          message: `unknown variable {{${ph.name}}}; known: ${[...known].join(', ')} (declare new ones under "variables:")`,
        });
      }
    }
  }
  if (issues.length) throw new PlaybookError(issues);
  return { ...t, file, bodyLine };
}

export function loadPlaybookFile(file: string, config: CrisisConfig = crisisConfig()): Playbook {
  return parsePlaybook(readSource(file), file, config);
}

export function loadTemplateFile(file: string): StatementTemplate {
  return parseTemplate(readSource(file), file);
}

export interface PlaybookLibrary {
  /** By id, sorted by id. */
  playbooks: Playbook[];
  templates: StatementTemplate[];
  /** Files that could not be used (the others are loaded). */
  errors: PlaybookError[];
  /** A later folder replaced an earlier file with the same id. */
  overridden: { kind: 'playbook' | 'template'; id: string; file: string; by: string }[];
  /** YAML files that are neither *.playbook.yaml nor *.template.yaml (so not loaded). */
  ignored: string[];
  playbook(id: string): Playbook | undefined;
  template(id: string): StatementTemplate | undefined;
}

const hasSuffix = (name: string, suffixes: string[]) => suffixes.some((s) => name.toLowerCase().endsWith(s));

function listFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Loads every playbook and template of `folders`, in order (later folders replace earlier ones with
 * the same id). A folder that does not exist is skipped: the user's folder may not exist yet.
 * Folder layout: `<folder>/*.playbook.yaml`, `<folder>/templates/*.template.yaml`.
 */
export function loadLibrary(folders: string[], config: CrisisConfig = crisisConfig()): PlaybookLibrary {
  const playbooks = new Map<string, Playbook>();
  const sources = new Map<Playbook, { src: SourceMap; data: unknown }>();
  const templates = new Map<string, StatementTemplate>();
  const errors: PlaybookError[] = [];
  const overridden: PlaybookLibrary['overridden'] = [];
  const ignored: string[] = [];

  for (const folder of folders) {
    const seenHere = { playbook: new Map<string, string>(), template: new Map<string, string>() };
    const take = <T extends { id: string; file: string }>(
      kind: 'playbook' | 'template',
      map: Map<string, T>,
      item: T,
    ) => {
      const sameFolder = seenHere[kind].get(item.id);
      if (sameFolder) {
        errors.push(
          new PlaybookError([
            {
              file: item.file,
              line: 1,
              field: 'id',
              message: `${kind} id "${item.id}" is already used by ${sameFolder}`,
            },
          ]),
        );
        return;
      }
      seenHere[kind].set(item.id, item.file);
      const previous = map.get(item.id);
      if (previous) overridden.push({ kind, id: item.id, file: previous.file, by: item.file });
      map.set(item.id, item);
    };
    const templateDir = path.join(folder, 'templates');
    for (const name of listFiles(templateDir)) {
      const file = path.join(templateDir, name);
      if (hasSuffix(name, TEMPLATE_SUFFIXES)) {
        try {
          take('template', templates, loadTemplateFile(file));
        } catch (err) {
          if (err instanceof PlaybookError) errors.push(err);
          else throw err;
        }
      } else if (/\.ya?ml$/i.test(name)) ignored.push(file);
    }
    for (const name of listFiles(folder)) {
      const file = path.join(folder, name);
      if (hasSuffix(name, PLAYBOOK_SUFFIXES)) {
        try {
          const { playbook, src, data } = parsePlaybookSource(readSource(file), file, config);
          sources.set(playbook, { src, data });
          take('playbook', playbooks, playbook);
        } catch (err) {
          if (err instanceof PlaybookError) errors.push(err);
          else throw err;
        }
      } else if (/\.ya?ml$/i.test(name)) ignored.push(file);
    }
  }

  // References between files, once every folder is in.
  for (const [id, pb] of [...playbooks]) {
    const { src, data } = sources.get(pb)!;
    const issues: PlaybookIssue[] = [];
    pb.steps.forEach((s, i) => {
      if (s.template !== null && !templates.has(s.template)) {
        const p = ['steps', i, 'template'];
        issues.push({
          file: pb.file,
          line: src.line(p),
          field: fieldName(p, data),
          message: `unknown template "${s.template}"; known: ${[...templates.keys()].sort().join(', ') || 'none'}`,
        });
      }
    });
    if (issues.length) {
      errors.push(new PlaybookError(issues));
      playbooks.delete(id);
    }
  }

  const sortedPlaybooks = [...playbooks.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sortedTemplates = [...templates.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    playbooks: sortedPlaybooks,
    templates: sortedTemplates,
    errors,
    overridden,
    ignored,
    playbook: (id) => playbooks.get(id),
    template: (id) => templates.get(id),
  };
}
