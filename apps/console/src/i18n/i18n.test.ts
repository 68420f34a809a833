import { afterEach, describe, expect, it } from 'vitest';
import { i18n, isMessageKey, lazyWords, t } from './i18n';
import { messages as spanish } from 'virtual:ringside-catalog/es';
import { messages as english } from 'virtual:ringside-catalog/en';

afterEach(() => i18n.loadAndActivate({ locale: 'en', messages: english }));

describe('t', () => {
  it('fills placeholders and picks the plural form of the current language', () => {
    expect(t('format.earlierCalls', { count: 1 })).toBe('1 earlier call');
    expect(t('format.earlierCalls', { count: 3 })).toBe('3 earlier calls');
    i18n.loadAndActivate({ locale: 'es', messages: spanish });
    expect(t('format.earlierCalls', { count: 1 })).toBe('1 llamada anterior');
    expect(t('format.earlierCalls', { count: 3 })).toBe('3 llamadas anteriores');
    expect(t('shell.strip.calling', { name: 'Rahul' })).toBe('Rahul está llamando');
  });
});

describe('lazyWords', () => {
  it('reads each entry in the language active when it is read', () => {
    const words = lazyWords({ available: 'status.available', away: 'status.away' });
    expect(words.available).toBe('Available');
    i18n.loadAndActivate({ locale: 'es', messages: spanish });
    expect(words.available).toBe('Disponible');
    expect(Object.keys(words)).toEqual(['available', 'away']);
  });
});

describe('isMessageKey', () => {
  it('tells catalog keys from words given as they are', () => {
    expect(isMessageKey('shell.signOut')).toBe(true);
    expect(isMessageKey('Checks')).toBe(false);
  });
});
