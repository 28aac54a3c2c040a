import { describe, expect, it } from 'vitest';
import type { StatementTemplate } from '../../../main/core/crisis/playbooks/schema';
import {
  formatDate,
  formatTime,
  renderTemplate,
  scanPlaceholders,
} from '../../../main/core/crisis/templates';
import { shippedLibrary, T0 } from './helpers';

const template = (over: Partial<StatementTemplate> = {}): StatementTemplate => ({
  id: 'greeting',
  kind: 'reply',
  title: { fr: 'Salut', en: 'Hello' },
  maxLength: 60,
  variables: [{ name: 'product', description: { fr: 'Produit', en: 'Product' } }],
  body: {
    fr: 'Bonjour {{reply_to_handle}},\nvotre {{ product }} revient à {{next_update_time}}.\n{{signatory_first_name}}, {{brand}}\n',
    en: 'Hello {{reply_to_handle}},\nyour {{product}} is back at {{next_update_time}}.\n{{signatory_first_name}}, {{brand}}\n',
  },
  file: '/tpl/greeting.template.yaml',
  bodyLine: { fr: 12, en: 20 },
  ...over,
});

const values = {
  reply_to_handle: '@lea',
  product: 'box',
  next_update_time: '14 h 30',
  signatory_first_name: 'Camille',
  brand: 'Ondaline',
};

describe('rendering', () => {
  it('fills variables in FR and EN, spaces inside braces allowed, trailing newline trimmed', () => {
    expect(renderTemplate(template(), 'fr', values)).toEqual({
      templateId: 'greeting',
      lang: 'fr',
      title: 'Salut',
      text: 'Bonjour @lea,\nvotre box revient à 14 h 30.\nCamille, Ondaline',
      length: 60,
      maxLength: 60,
      overLimit: false,
    });
    expect(renderTemplate(template(), 'en', { ...values, next_update_time: '14:30' }).text).toBe(
      'Hello @lea,\nyour box is back at 14:30.\nCamille, Ondaline',
    );
  });

  it('an unknown variable is an error naming the template file, the line and the variable', () => {
    const t = template({ body: { fr: 'Bonjour\n{{client_name}}', en: 'x' } });
    expect(() => renderTemplate(t, 'fr', values)).toThrow(
      /^\/tpl\/greeting\.template\.yaml:13: unknown variable \{\{client_name\}\} in template "greeting" \(body\.fr\)\. Known: brand, /,
    );
    try {
      renderTemplate(t, 'fr', values);
    } catch (err) {
      expect((err as { code: string }).code).toBe('unknown_template_variable');
    }
  });

  it('a missing value names every missing variable', () => {
    expect(() => renderTemplate(template(), 'en', { brand: 'Ondaline', product: '  ' })).toThrow(
      'Template "greeting" (en) needs a value for {{reply_to_handle}}, {{product}}, {{next_update_time}}, {{signatory_first_name}}.',
    );
  });

  it('values are inserted as they are, never re-read as placeholders', () => {
    const out = renderTemplate(template(), 'fr', { ...values, product: '{{brand}}' });
    expect(out.text).toContain('votre {{brand}} revient');
  });

  it('flags a text longer than max_length (counted in characters, not bytes)', () => {
    const out = renderTemplate(template(), 'fr', { ...values, product: 'é'.repeat(20) });
    expect(out).toMatchObject({ length: 77, overLimit: true });
  });

  it('malformed placeholders are reported', () => {
    expect(scanPlaceholders('a {{ok}} b {{Not OK}} c {{oops').problems.map((p) => p.name)).toEqual([
      'Not OK',
      '{{oops',
    ]);
    expect(() => renderTemplate(template({ body: { fr: 'x {{oops', en: '' } }), 'fr', values)).toThrow(
      /:12: malformed placeholder/,
    );
  });

  it('shipped templates differ by language', () => {
    const lib = shippedLibrary();
    const t = lib.template('holding-statement')!;
    const v = { situation: 'S.', next_update_time: '10:00', signatory_first_name: 'Léa', brand: 'Ondaline' };
    expect(renderTemplate(t, 'fr', v).text).toContain('pour Ondaline');
    expect(renderTemplate(t, 'en', v).text).toContain('for Ondaline');
  });
});

describe('times in statements', () => {
  it('French typography and English 24-hour clock, in the configured zone', () => {
    expect(formatTime(T0, 'fr', 'Europe/Paris')).toBe('09 h 00');
    expect(formatTime(T0 + 95 * 60_000, 'en', 'Europe/Paris')).toBe('10:35');
    expect(formatTime(T0, 'en', 'UTC')).toBe('08:00');
    expect(formatDate(T0, 'fr', 'Europe/Paris')).toBe('12 mars 2026');
    expect(formatDate(T0, 'en', 'Europe/Paris')).toBe('12 March 2026');
  });
});
