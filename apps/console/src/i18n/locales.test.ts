import { describe, expect, it } from 'vitest';
import { isLocale, pickLocale } from './locales';

describe('pickLocale', () => {
  it('takes the first browser language the console speaks, whatever its region', () => {
    expect(pickLocale(['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLocale(['pt-PT', 'en'])).toBe('pt-BR');
    expect(pickLocale(['hi-IN'])).toBe('hi');
    expect(pickLocale(['in'])).toBe('id');
    expect(pickLocale(['ID-id'])).toBe('id');
    expect(pickLocale(['en-GB', 'es'])).toBe('en');
  });

  it('falls back to English when none is spoken or the browser says nothing', () => {
    expect(pickLocale(['de', 'ja'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts the five tags exactly as written', () => {
    expect(['en', 'es', 'pt-BR', 'hi', 'id'].every(isLocale)).toBe(true);
    expect(isLocale('pt-br')).toBe(false);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
