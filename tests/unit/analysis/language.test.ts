import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizePlatformLang } from '../../../main/core/analysis/language';
import { getLexicons } from '../../../main/core/analysis/lexicons';
import { prepare } from '../../../main/core/analysis/text';

const lang = (text: string, platform?: string | null) =>
  detectLanguage(prepare(text, getLexicons().vocabulary), platform).lang;

describe('detectLanguage', () => {
  it('recognizes short French and English posts from function words', () => {
    expect(lang("c'est encore en panne")).toBe('fr');
    expect(lang('toujours pas de réseau ici')).toBe('fr');
    expect(lang('still down for me')).toBe('en');
    expect(lang('why is this not working')).toBe('en');
    expect(lang('Pathétique.')).toBe('fr');
    expect(lang('Pathetic.')).toBe('en');
  });

  it('uses franc on longer posts in other languages', () => {
    expect(lang('El servicio de atención al cliente es muy lento y nadie contesta el teléfono')).toBe(
      'other',
    );
    expect(lang('Der Kundendienst ist seit drei Tagen nicht erreichbar und niemand antwortet')).toBe('other');
    expect(lang('الخدمة سيئة جدا')).toBe('other');
    expect(lang('Сервис ужасный')).toBe('other');
  });

  it('trusts a plausible platform field, not an implausible one', () => {
    expect(lang('ok', 'fr-FR')).toBe('fr');
    expect(lang('Incroyable 😍', 'en')).toBe('en');
    // The account says English, the words say French.
    expect(lang("je suis dégoûté, c'est la troisième fois que le train est annulé", 'en')).toBe('fr');
    expect(lang('gracias por nada', 'es')).toBe('other');
    expect(lang("c'est pas normal, vous êtes où ? on attend depuis des heures", 'es')).toBe('fr');
  });

  it('normalizes platform fields', () => {
    expect(normalizePlatformLang('en_US')).toBe('en');
    expect(normalizePlatformLang('FR')).toBe('fr');
    expect(normalizePlatformLang('und')).toBeNull();
    expect(normalizePlatformLang(null)).toBeNull();
  });
});
