import { setupI18n } from '@lingui/core';
import type { Locale } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { Languages } from './Languages';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

function setup(options: { stored?: string; failing?: Locale[] } = {}) {
  const i18n = setupI18n();
  const fetched: Locale[] = [];
  const pending = new Map<Locale, () => void>();
  const root = { lang: '' };
  const storage = memoryStorage(options.stored ? { 'ringside:locale': options.stored } : {});
  const languages = new Languages({
    i18n,
    root,
    storage,
    load: (locale) => {
      fetched.push(locale);
      if (options.failing?.includes(locale)) return Promise.reject(new Error('offline'));
      return Promise.resolve({ 'shell.signOut': `sign out in ${locale}` });
    },
  });
  return { i18n, languages, fetched, pending, root, storage };
}

describe('Languages', () => {
  it('starts in the browser language: only its catalog is fetched, html lang and storage follow', async () => {
    const { i18n, languages, fetched, root, storage } = setup();

    await languages.start(['es-ES', 'en']);

    expect(fetched).toEqual(['es']);
    expect(i18n._('shell.signOut')).toBe('sign out in es');
    expect(root.lang).toBe('es');
    expect(languages.current).toBe('es');
    expect(storage.items.get('ringside:locale')).toBe('es');
  });

  it('starts in the language this browser last used, over the browser languages', async () => {
    const { languages, fetched } = setup({ stored: 'pt-BR' });

    await languages.start(['es-ES']);

    expect(fetched).toEqual(['pt-BR']);
    expect(languages.current).toBe('pt-BR');
  });

  it('ignores a stored value that is not a language it speaks', async () => {
    const { languages, fetched } = setup({ stored: 'fr' });

    await languages.start(['hi']);

    expect(fetched).toEqual(['hi']);
  });

  it('switches at once and fetches a catalog only the first time', async () => {
    const { i18n, languages, fetched, root } = setup();
    await languages.start(['en']);

    await languages.use('id');
    await languages.use('en');
    await languages.use('id');

    expect(fetched).toEqual(['en', 'id']);
    expect(i18n._('shell.signOut')).toBe('sign out in id');
    expect(root.lang).toBe('id');
  });

  it('lets the later choice win when an earlier catalog arrives last', async () => {
    const i18n = setupI18n();
    const release: Partial<Record<Locale, () => void>> = {};
    const languages = new Languages({
      i18n,
      load: (locale) =>
        new Promise((resolve) => {
          release[locale] = () => resolve({ k: locale });
        }),
    });
    const slow = languages.use('hi');
    const fast = languages.use('es');
    release.es?.();
    await fast;
    release.hi?.();
    await slow;

    expect(languages.current).toBe('es');
  });

  it('falls back to English when the chosen catalog cannot be fetched, and keeps the language on a failed switch', async () => {
    const { languages, fetched } = setup({ failing: ['hi'] });

    await languages.start(['hi']);
    const switched = await languages.use('hi');

    expect(fetched).toEqual(['hi', 'en', 'hi']);
    expect(switched).toBe(false);
    expect(languages.current).toBe('en');
  });
});
