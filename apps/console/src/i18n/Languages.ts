import type { I18n, Messages } from '@lingui/core';
import type { Locale } from '@ringside/contracts';
import type { CatalogPart } from './load-catalog';
import { isLocale, pickLocale } from './locales';

const STORAGE_KEY = 'ringside:locale';

export interface LanguagesOptions {
  i18n: I18n;
  /** a part of a locale's compiled catalog; `loadCatalog` in the page */
  load: (locale: Locale, part: CatalogPart) => Promise<Messages>;
  /** the page's `<html>`, whose `lang` follows the language */
  root?: { lang: string };
  /** where this browser remembers the last language, so a reload starts in it */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  onError?: (locale: Locale, error: unknown) => void;
}

/**
 * Which language the console speaks: starts in the one this browser last used, else the first
 * of the browser's languages the console speaks; loads a catalog only when its language is
 * used, and of it only the parts asked for so far (the login page's `first`; `console` once
 * signing in asks for it through {@link need}); on each change sets `<html lang>` and
 * remembers the choice. The signed-in user's choice (kept by the server) is applied through
 * {@link use} too.
 *
 * @example
 * const languages = new Languages({ i18n, load: loadCatalog, root: document.documentElement, storage: localStorage });
 * await languages.start(navigator.languages); // the login page's words
 * await languages.need('console'); // before the signed-in console shows
 * await languages.use('pt-BR'); // every part asked for so far, in Portuguese
 */
export class Languages {
  readonly #options: LanguagesOptions;
  /** `<locale>/<part>` of each part in i18n already */
  readonly #loaded = new Set<string>();
  readonly #parts = new Set<CatalogPart>(['first']);
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
   * speaks `locale` from now on, once the parts of its catalog asked for so far are here; a
   * later call wins over an earlier one still loading. Resolves false when a part could not be
   * fetched (nothing changes).
   */
  async use(locale: Locale): Promise<boolean> {
    const { i18n, root } = this.#options;
    this.#wanted = locale;
    if (!(await this.#fetch(locale, [...this.#parts]))) return false;
    if (this.#wanted !== locale) return true;
    if (i18n.locale !== locale) i18n.activate(locale);
    if (root) root.lang = locale;
    this.#remember(locale);
    return true;
  }

  /**
   * Adds a part of the catalog to what the console speaks: fetched now in the language being
   * used (or about to be), and in every language switched to later. Resolves false when it
   * could not be fetched; asking again tries again.
   */
  async need(part: CatalogPart): Promise<boolean> {
    this.#parts.add(part);
    const locale = this.#wanted ?? this.current ?? 'en';
    return this.#fetch(locale, [part]);
  }

  /** puts the parts of a locale's catalog not yet in i18n there; false when one failed */
  async #fetch(locale: Locale, parts: readonly CatalogPart[]): Promise<boolean> {
    const missing = parts.filter((part) => !this.#loaded.has(`${locale}/${part}`));
    try {
      const fetched = await Promise.all(missing.map((part) => this.#options.load(locale, part)));
      missing.forEach((part, index) => {
        this.#options.i18n.load(locale, fetched[index] ?? {});
        this.#loaded.add(`${locale}/${part}`);
      });
      return true;
    } catch (error) {
      this.#options.onError?.(locale, error);
      return false;
    }
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
