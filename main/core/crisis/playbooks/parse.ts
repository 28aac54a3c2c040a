// Checking one playbook or template: its text against the schema, then against the crisis
// config (levels, phases), its own clocks and the template variables. Throws PlaybookError.
import { crisisConfig, type CrisisConfig, LANGS } from '../config';
import { BUILTIN_VARIABLES, scanPlaceholders } from '../templates';
import { PlaybookError, type PlaybookIssue } from './playbook-error';
import {
  PLAYBOOK_FORMAT,
  playbookFileSchema,
  TEMPLATE_FORMAT,
  templateFileSchema,
  type Playbook,
  type StatementTemplate,
} from './schema';
import { fieldName, parseYaml, readSource, zodIssues, type PathSeg, type SourceMap } from './yaml-source';

/** Parses one playbook's text; `file` names it in errors. Throws PlaybookError. */
export function parsePlaybook(source: string, file: string, config: CrisisConfig = crisisConfig()): Playbook {
  return parsePlaybookSource(source, file, config).playbook;
}

/** parsePlaybook, keeping the YAML source so that later checks (templates) can point at lines. */
export function parsePlaybookSource(
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
