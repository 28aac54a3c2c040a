import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crisisConfig, LANGS } from '../../../main/core/crisis/config';
import {
  loadLibrary,
  parsePlaybook,
  parseTemplate,
  PlaybookError,
} from '../../../main/core/crisis/playbooks/loader';
import { parseDuration } from '../../../main/core/crisis/playbooks/schema';
import { BUILTIN_VARIABLES, renderTemplate } from '../../../main/core/crisis/templates';
import { tempDir } from '../../helpers/tmp';
import { PLAYBOOKS_DIR, shippedLibrary } from './helpers';

const FILE = '/playbooks/test.playbook.yaml';

const VALID = `format: vigie-playbook/1
id: test
title:
  fr: Essai
  en: Test
steps:
  - id: first
    phase: detecter
    min_level: veille
    owner: lead
    title: { fr: Premier, en: First }
  - id: second
    phase: communiquer
    min_level: alerte
    owner: comms
    due: { after: 1h30m, from: level }
    title: { fr: Second, en: Second }
`;

/** Parses and returns the PlaybookError (fails the test if it parses). */
function problem(source: string, file = FILE, config = crisisConfig()): PlaybookError {
  try {
    parsePlaybook(source, file, config);
  } catch (err) {
    expect(err).toBeInstanceOf(PlaybookError);
    return err as PlaybookError;
  }
  throw new Error('expected a PlaybookError');
}

describe('shipped playbooks', () => {
  const lib = shippedLibrary();

  it('all load without error, in FR and EN', () => {
    expect(lib.errors.map((e) => e.message)).toEqual([]);
    expect(lib.playbooks.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'social-media-storm',
        'service-outage-ceo',
        'data-breach-gdpr',
        'review-bombing',
        'targeted-harassment',
      ]),
    );
    for (const pb of lib.playbooks) {
      for (const lang of LANGS) {
        expect(pb.title[lang].length, `${pb.id} title.${lang}`).toBeGreaterThan(3);
        for (const s of pb.steps) {
          expect(s.title[lang].length, `${pb.id}/${s.id} title.${lang}`).toBeGreaterThan(3);
        }
      }
      // Every phase used exists, steps are unique, at least one step unlocks at veille.
      expect(new Set(pb.steps.map((s) => s.id)).size).toBe(pb.steps.length);
      expect(pb.steps.some((s) => s.minLevel === 'veille')).toBe(true);
    }
  });

  it('every step that names a template points to a shipped template', () => {
    const templates = new Set(lib.templates.map((t) => t.id));
    for (const pb of lib.playbooks) {
      for (const s of pb.steps)
        if (s.template) expect(templates.has(s.template), `${pb.id}/${s.id}`).toBe(true);
    }
    expect(lib.playbook('social-media-storm')!.steps.find((s) => s.id === 'holding-statement')).toMatchObject(
      {
        template: 'holding-statement',
        minLevel: 'alerte',
        due: { afterMs: 60 * 60_000, from: 'level' },
      },
    );
  });

  it('the data breach playbook carries the 72 h clock, started by awareness and stopped by the CNIL notification', () => {
    const pb = lib.playbook('data-breach-gdpr')!;
    expect(pb.clocks).toEqual([
      expect.objectContaining({ id: 'gdpr_72h', durationMs: 72 * 3_600_000, start: 'manual' }),
    ]);
    expect(pb.steps.find((s) => s.startsClock === 'gdpr_72h')?.id).toBe('date-awareness');
    const notify = pb.steps.find((s) => s.stopsClock === 'gdpr_72h')!;
    expect(notify).toMatchObject({
      id: 'notify-cnil',
      minLevel: 'veille',
      due: { afterMs: 72 * 3_600_000, from: 'clock:gdpr_72h' },
    });
    expect(notify.title.fr).toContain('CNIL');
  });

  it('the harassment playbook opens the protection case first', () => {
    const pb = lib.playbook('targeted-harassment')!;
    expect(pb.steps[0]).toMatchObject({ opens: 'protection_case', minLevel: 'veille' });
    expect(pb.steps.length).toBeLessThanOrEqual(8);
  });

  it('every shipped template renders in FR and EN with its declared variables', () => {
    expect(lib.templates.length).toBeGreaterThanOrEqual(6);
    for (const t of lib.templates) {
      const values: Record<string, string> = {};
      for (const v of [...BUILTIN_VARIABLES, ...t.variables]) values[v.name] = `<${v.name}>`;
      values.reply_to_handle = '@client';
      for (const lang of LANGS) {
        const out = renderTemplate(t, lang, values);
        expect(out.text, `${t.id}.${lang}`).not.toMatch(/\{\{|\}\}/);
        expect(out.title).toBe(t.title[lang]);
        for (const v of t.variables) {
          expect(t.body[lang], `${t.id}.${lang} declares ${v.name} but never uses it`).toContain(
            `{{${v.name}}}`,
          );
        }
      }
    }
    const reply = lib.template('public-reply')!;
    for (const lang of LANGS) {
      expect(
        renderTemplate(reply, lang, {
          reply_to_handle: '@someone_long_handle',
          next_update_time: '14 h 35',
          signatory_first_name: 'Jean-Baptiste',
        }).overLimit,
      ).toBe(false);
    }
  });

  it('ignores files that are not playbooks (the protection case has its own format)', () => {
    const names = fs.readdirSync(PLAYBOOKS_DIR);
    const loaded = lib.playbooks.map((p) => path.basename(p.file));
    for (const n of names.filter((n) => n.startsWith('protection-'))) expect(loaded).not.toContain(n);
  });
});

describe('durations', () => {
  it.each([
    ['45m', 45],
    ['2h', 120],
    ['1h30m', 90],
    ['3d', 3 * 1440],
    ['1d2h', 1560],
    ['0m', 0],
  ])('%s = %i minutes', (text, minutes) => expect(parseDuration(text)).toBe(minutes * 60_000));
  it.each(['', '60', 'h', '2 hours', '-5m', '1.5h'])('%j is not a duration', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});

describe('invalid playbooks name the file, the line and the field', () => {
  it('parses a valid one', () => {
    const pb = parsePlaybook(VALID, FILE);
    expect(pb.steps[1]).toMatchObject({
      due: { afterMs: 90 * 60_000, from: 'level' },
      detail: { fr: '', en: '' },
    });
    expect(pb).toMatchObject({ revision: 1, file: FILE, clocks: [] });
  });

  it('bad YAML syntax', () => {
    const err = problem(VALID.replace('    phase: communiquer', '   phase: communiquer'));
    expect(err.message).toMatch(/^\/playbooks\/test\.playbook\.yaml:\d+: YAML syntax: /);
    expect(err.line).toBeGreaterThanOrEqual(13);
    expect(err.line).toBeLessThanOrEqual(14);
    const flow = problem(
      VALID.replace('title: { fr: Premier, en: First }', 'title: { fr: Premier, en: First'),
    );
    expect(flow.message).toContain('YAML syntax');
    expect(flow.line).not.toBeNull();
  });

  it('a duplicate key is a syntax error on its line', () => {
    const err = problem(VALID.replace('    owner: lead\n', '    owner: lead\n    owner: comms\n'));
    expect(err.line).toBe(11);
    expect(err.message).toContain('unique');
  });

  it('missing field', () => {
    const err = problem(VALID.replace('    owner: comms\n', ''));
    expect(err.message).toBe(
      `${FILE}:12: steps[1] (second).owner: missing field (expected one of lead, comms, scribe, signatory, liaison)`,
    );
    expect(err.field).toBe('steps[1] (second).owner');
    const noEn = problem(VALID.replace('title: { fr: Second, en: Second }', 'title: { fr: Second }'));
    expect(noEn.message).toContain(`${FILE}:17: steps[1] (second).title.en: missing field`);
  });

  it('unknown level, against the configured scale', () => {
    const err = problem(VALID.replace('min_level: alerte', 'min_level: urgent'));
    expect(err.message).toBe(
      `${FILE}:14: steps[1] (second).min_level: unknown level "urgent"; expected one of veille, alerte, crise, crise_majeure`,
    );
    const scale = crisisConfig({
      levels: [
        { id: 'vert', label: { fr: 'Vert', en: 'Green' }, updateCadenceMinutes: null },
        { id: 'rouge', label: { fr: 'Rouge', en: 'Red' }, updateCadenceMinutes: 30 },
      ],
    });
    expect(problem(VALID, FILE, scale).message).toContain(
      'unknown level "veille"; expected one of vert, rouge',
    );
    expect(problem(VALID.replace('steps:', 'opening_level: rouge2\nsteps:')).field).toBe('opening_level');
  });

  it('duplicate step id', () => {
    const err = problem(VALID.replace('id: second', 'id: first'));
    expect(err.message).toBe(
      `${FILE}:12: steps[1] (first).id: duplicate step id "first" (first used line 7)`,
    );
  });

  it('unknown field, bad duration, unknown role, unknown phase, all reported with lines', () => {
    const src = VALID.replace('    owner: comms\n', '    owner: boss\n    colour: red\n')
      .replace('after: 1h30m', 'after: 90')
      .replace('phase: detecter', 'phase: nowhere');
    const err = problem(src);
    const byField = Object.fromEntries(err.issues.map((i) => [i.field, i]));
    expect(byField['steps[1] (second).owner']).toMatchObject({ line: 15 });
    expect(byField['steps[1] (second).colour']).toMatchObject({ line: 16 });
    expect(byField['steps[1] (second).colour']!.message).toContain('unknown field "colour"');
    expect(byField['steps[1] (second).due.after']!.message).toContain('45m, 2h, 1h30m or 3d');
    expect(err.message).toMatch(/\(and \d+ more problems?\)$/);
    // Phases are checked once the shape is right.
    expect(problem(VALID.replace('phase: detecter', 'phase: nowhere')).message).toBe(
      `${FILE}:8: steps[0] (first).phase: unknown phase "nowhere"; expected one of detecter, qualifier, contenir, communiquer, retablir, apprendre`,
    );
  });

  it('references to undeclared clocks', () => {
    const err = problem(VALID.replace('from: level', 'from: clock:gdpr_72h'));
    expect(err.message).toBe(
      `${FILE}:16: steps[1] (second).due.from: unknown clock "gdpr_72h"; declare it under "clocks:"`,
    );
  });

  it('wrong format marker, empty file, not a mapping', () => {
    expect(problem(VALID.replace('vigie-playbook/1', 'vigie-playbook/9')).message).toBe(
      `${FILE}:1: format: expected "vigie-playbook/1"`,
    );
    expect(problem('').message).toBe(`${FILE}: the file is empty (start with "format: vigie-playbook/1")`);
    expect(problem('- a\n- b\n').line).toBe(1);
  });

  it('a playbook error is a VigieError with a stable code', () => {
    expect(problem('').code).toBe('bad_playbook');
  });
});

describe('templates', () => {
  const T = `format: vigie-template/1
id: t
kind: holding
title: { fr: Attente, en: Holding }
variables:
  - name: situation
    description: { fr: Situation, en: Situation }
body:
  fr: |
    Nous savons {{situation}}.
    Signé {{ signatory_first_name }} pour {{brand}}.
  en: |
    We know {{situation}}.
    Signed {{signatory_first_name}} for {{brand}}.
`;
  it('records where each body starts', () => {
    const t = parseTemplate(T, '/t/t.template.yaml');
    expect(t.bodyLine).toEqual({ fr: 10, en: 13 });
  });

  it('an unknown variable names the file and the line', () => {
    try {
      parseTemplate(
        T.replace('Signed {{signatory_first_name}}', 'Signed {{signatory_name}}'),
        '/t/t.template.yaml',
      );
      throw new Error('should fail');
    } catch (err) {
      expect(err).toBeInstanceOf(PlaybookError);
      expect((err as Error).message).toMatch(
        /^\/t\/t\.template\.yaml:14: body\.en: unknown variable \{\{signatory_name\}\}; known: brand, /,
      );
    }
  });

  it('refuses a redeclared built-in and an unknown kind', () => {
    expect(() =>
      parseTemplate(T.replace('- name: situation', '- name: brand'), '/t/t.template.yaml'),
    ).toThrow(/variables\[0\]\.name: "brand" is built in/);
    expect(() => parseTemplate(T.replace('kind: holding', 'kind: tweet'), '/t/t.template.yaml')).toThrow(
      /:3: kind: expected one of holding, update, reply, faq, internal/,
    );
  });
});

describe('library: folders, user overrides, broken files', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('vigie-playbooks-')));
  afterEach(() => tmp.cleanup());

  const write = (rel: string, text: string) => {
    const file = path.join(tmp.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  it('a user playbook with a shipped id replaces it; one broken file does not stop the others', () => {
    const storm = fs.readFileSync(path.join(PLAYBOOKS_DIR, 'social-media-storm.playbook.yaml'), 'utf8');
    const mine = write('user/storm-custom.playbook.yaml', storm.replace('revision: 1', 'revision: 7'));
    const broken = write(
      'user/broken.playbook.yaml',
      VALID.replace('min_level: alerte', 'min_level: urgent'),
    );
    write('user/notes.yaml', 'just: notes\n');
    write('user/my-own.playbook.yaml', VALID.replace('id: test', 'id: my-own'));
    const lib = loadLibrary([PLAYBOOKS_DIR, path.join(tmp.dir, 'user'), path.join(tmp.dir, 'missing')]);

    expect(lib.playbook('social-media-storm')).toMatchObject({ revision: 7, file: mine });
    expect(lib.overridden).toEqual([
      expect.objectContaining({ kind: 'playbook', id: 'social-media-storm', by: mine }),
    ]);
    expect(lib.playbook('my-own')).toBeDefined();
    expect(lib.playbook('data-breach-gdpr')).toBeDefined();
    expect(lib.errors.map((e) => e.message)).toEqual([
      `${broken}:14: steps[1] (second).min_level: unknown level "urgent"; expected one of veille, alerte, crise, crise_majeure`,
    ]);
    expect(lib.ignored).toEqual([path.join(tmp.dir, 'user', 'notes.yaml')]);
  });

  it('an unknown template reference is reported on the step line; the same id twice in a folder too', () => {
    const file = write(
      'user/uses-template.playbook.yaml',
      VALID.replace('    owner: comms\n', '    owner: comms\n    template: no-such-template\n'),
    );
    const dup = write('user/zz-dup.playbook.yaml', VALID.replace('id: test', 'id: uses'));
    write('user/aa-first.playbook.yaml', VALID.replace('id: test', 'id: uses'));
    const lib = loadLibrary([PLAYBOOKS_DIR, path.join(tmp.dir, 'user')]);
    const messages = lib.errors.map((e) => e.message);
    expect(messages).toContain(
      `${file}:16: steps[1] (second).template: unknown template "no-such-template"; known: ${lib.templates.map((t) => t.id).join(', ')}`,
    );
    expect(messages.some((m) => m.startsWith(`${dup}:1: id: playbook id "uses" is already used by`))).toBe(
      true,
    );
    expect(lib.playbook('test')).toBeUndefined();
    expect(lib.playbook('uses')).toBeDefined();
  });

  it('user templates load from <folder>/templates and may be used by user playbooks', () => {
    write(
      'user/templates/merci.template.yaml',
      'format: vigie-template/1\nid: merci\nkind: reply\ntitle: { fr: Merci, en: Thanks }\nbody: { fr: "Merci {{reply_to_handle}}", en: "Thanks {{reply_to_handle}}" }\n',
    );
    write(
      'user/thanks.playbook.yaml',
      VALID.replace('    owner: comms\n', '    owner: comms\n    template: merci\n'),
    );
    const lib = loadLibrary([PLAYBOOKS_DIR, path.join(tmp.dir, 'user')]);
    expect(lib.errors).toEqual([]);
    expect(lib.template('merci')?.kind).toBe('reply');
    expect(lib.playbook('test')!.steps[1]!.template).toBe('merci');
  });

  it('skips a folder that does not exist and a directory named like a playbook', () => {
    expect(loadLibrary([path.join(tmp.dir, 'nope')]).playbooks).toEqual([]);
    fs.mkdirSync(path.join(tmp.dir, 'dir.playbook.yaml'));
    expect(loadLibrary([tmp.dir])).toMatchObject({ playbooks: [], errors: [] });
  });
});
