// The playbook library: every playbook and template of a list of folders, later folders replacing
// earlier ones with the same id, bad files set aside in `errors`, then the references between
// files (a step's template) checked once every folder is in.
import fs from 'node:fs';
import path from 'node:path';
import { crisisConfig, type CrisisConfig } from '../config';
import { loadTemplateFile, parsePlaybookSource } from './parse';
import { PlaybookError, type PlaybookIssue } from './playbook-error';
import { PLAYBOOK_SUFFIXES, TEMPLATE_SUFFIXES, type Playbook, type StatementTemplate } from './schema';
import { fieldName, readSource, type SourceMap } from './yaml-source';

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
