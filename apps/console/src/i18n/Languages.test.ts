import { setupI18n, type Messages } from '@lingui/core';
import type { Locale } from '@ringside/contracts';
import type { CatalogPart } from './load-catalog';
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
  const fetched: string[] = [];
  const pending = new Map<Locale, () => void>();
  const root = { lang: '' };
  const storage = memoryStorage(options.stored ? { 'ringside:locale': options.stored } : {});
  const languages = new Languages({
    i18n,
    root,
    storage,
    load: (locale: Locale, part: CatalogPart) => {
      fetched.push(`${locale}/${part}`);
      if (options.failing?.includes(locale)) return Promise.reject(new Error('offline'));
      const messages: Messages =
        part === 'first'
          ? { 'login.submit': `sign in in ${locale}` }
          : { 'shell.signOut': `sign out in ${locale}` };
      return Promise.resolve(messages);
    },
  });
  return { i18n, languages, fetched, pending, root, storage };
}

describe('Languages', () => {
  it('starts in the browser language: only its catalog is fetched, html lang and storage follow', async () => {
    const { i18n, languages, fetched, root, storage } = setup();

    await languages.start(['es-ES', 'en']);

    expect(fetched).toEqual(['es/first']);
    expect(i18n._('login.submit')).toBe('sign in in es');
    expect(root.lang).toBe('es');
    expect(languages.current).toBe('es');
    expect(storage.items.get('ringside:locale')).toBe('es');
  });

  it('starts in the language this browser last used, over the browser languages', async () => {
    const { languages, fetched } = setup({ stored: 'pt-BR' });

    await languages.start(['es-ES']);

    expect(fetched).toEqual(['pt-BR/first']);
    expect(languages.current).toBe('pt-BR');
  });

  it('ignores a stored value that is not a language it speaks', async () => {
    const { languages, fetched } = setup({ stored: 'fr' });

    await languages.start(['hi']);

    expect(fetched).toEqual(['hi/first']);
  });

  it('switches at once and fetches a catalog only the first time', async () => {
    const { i18n, languages, fetched, root } = setup();
    await languages.start(['en']);

    await languages.use('id');
    await languages.use('en');
    await languages.use('id');

    expect(fetched).toEqual(['en/first', 'id/first']);
    expect(i18n._('login.submit')).toBe('sign in in id');
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

    expect(fetched).toEqual(['hi/first', 'en/first', 'hi/first']);
    expect(switched).toBe(false);
    expect(languages.current).toBe('en');
  });

  it('fetches the console part only when asked for, then with every language switched to', async () => {
    const { i18n, languages, fetched } = setup();
    await languages.start(['es']);
    expect(i18n._('shell.signOut')).toBe('shell.signOut');

    expect(await languages.need('console')).toBe(true);
    expect(i18n._('shell.signOut')).toBe('sign out in es');
    expect(i18n._('login.submit')).toBe('sign in in es');

    await languages.use('hi');
    expect(fetched).toEqual(['es/first', 'es/console', 'hi/first', 'hi/console']);
    expect(i18n._('shell.signOut')).toBe('sign out in hi');
    await languages.use('es');
    expect(fetched).toHaveLength(4);
  });

  it('says when the console part cannot be fetched, and fetches it when asked again', async () => {
    let offline = true;
    const i18n = setupI18n();
    const languages = new Languages({
      i18n,
      load: (_locale, part) =>
        part === 'console' && offline
          ? Promise.reject(new Error('offline'))
          : Promise.resolve({ [`${part}.word`]: part }),
    });
    await languages.start(['en']);

    expect(await languages.need('console')).toBe(false);
    offline = false;
    expect(await languages.need('console')).toBe(true);
    expect(i18n._('console.word')).toBe('console');
  });
});
