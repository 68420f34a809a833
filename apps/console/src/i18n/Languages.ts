import type { I18n, Messages } from '@lingui/core';
import type { Locale } from '@ringside/contracts';
import { isLocale, pickLocale } from './locales';

const STORAGE_KEY = 'ringside:locale';

export interface LanguagesOptions {
  i18n: I18n;
  /** a locale's compiled catalog; `loadCatalog` in the page */
  load: (locale: Locale) => Promise<Messages>;
  /** the page's `<html>`, whose `lang` follows the language */
  root?: { lang: string };
  /** where this browser remembers the last language, so a reload starts in it */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  onError?: (locale: Locale, error: unknown) => void;
}

/**
 * Which language the console speaks: starts in the one this browser last used, else the first
 * of the browser's languages the console speaks; loads a catalog only when its language is
 * used; on each change sets `<html lang>` and remembers the choice. The signed-in user's choice
 * (kept by the server) is applied through {@link use} too.
 *
 * @example
 * const languages = new Languages({ i18n, load: loadCatalog, root: document.documentElement, storage: localStorage });
 * await languages.start(navigator.languages);
 * await languages.use('pt-BR');
 */
export class Languages {
  readonly #options: LanguagesOptions;
  readonly #loaded = new Set<Locale>();
  #wanted: Locale | undefined;

  constructor(options: LanguagesOptions) {
    this.#options = options;
  }

  /** the language in use, once one is active */
  get current(): Locale | undefined {
    const active = this.#options.i18n.locale;
    return isLocale(active) ? active : undefined;
  }

  /**
   * the first language: the one last used in this browser, else the browser's; English when
   * that catalog cannot be fetched (and, failing that too, message ids rather than no page)
   */
  async start(browserLanguages: readonly string[]): Promise<void> {
    const first = this.#remembered() ?? pickLocale(browserLanguages);
    if (await this.use(first)) return;
    if (first !== 'en' && (await this.use('en'))) return;
    this.#options.i18n.loadAndActivate({ locale: 'en', messages: {} });
  }

  /**
   * speaks `locale` from now on, once its catalog is here; a later call wins over an earlier
   * one still loading. Resolves false when the catalog could not be fetched (nothing changes).
   */
  async use(locale: Locale): Promise<boolean> {
    const { i18n, load, root } = this.#options;
    this.#wanted = locale;
    if (!this.#loaded.has(locale)) {
      try {
        i18n.load(locale, await load(locale));
      } catch (error) {
        this.#options.onError?.(locale, error);
        return false;
      }
      this.#loaded.add(locale);
    }
    if (this.#wanted !== locale) return true;
    if (i18n.locale !== locale) i18n.activate(locale);
    if (root) root.lang = locale;
    this.#remember(locale);
    return true;
  }

  #remembered(): Locale | undefined {
    try {
      const stored = this.#options.storage?.getItem(STORAGE_KEY);
      return isLocale(stored) ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  #remember(locale: Locale): void {
    try {
      this.#options.storage?.setItem(STORAGE_KEY, locale);
    } catch {
      // private windows may refuse storage: the server still keeps the user's choice
    }
  }
}
