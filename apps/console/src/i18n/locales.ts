import type { Locale } from '@ringside/contracts';

/**
 * The console's languages, in the order the picker lists them. The contracts' `localeSchema`
 * holds the same five (a test keeps them equal); this list is written out so the first page
 * load does not carry zod.
 */
export const LOCALES = ['en', 'es', 'pt-BR', 'hi', 'id'] as const satisfies readonly Locale[];

/** each language by its own name, as a picker shows it to someone who reads only that one */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  hi: 'हिन्दी',
  id: 'Bahasa Indonesia',
};

/**
 * Whether a value is one of the console's languages, exactly as written (`pt-BR`, not `pt-br`).
 *
 * @example
 * isLocale('es'); // true
 * isLocale('fr'); // false
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The console's language for a browser's preferred languages (`navigator.languages`, most
 * wanted first): the first that the console speaks, by language whatever the region (any
 * Portuguese gets Brazilian Portuguese, `in` is Indonesian's old code); English when none.
 *
 * @example
 * pickLocale(['fr-FR', 'es-MX', 'en']); // 'es'
 * pickLocale(['pt-PT']); // 'pt-BR'
 * pickLocale(['de']); // 'en'
 */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    switch (language) {
      case 'en':
        return 'en';
      case 'es':
        return 'es';
      case 'pt':
        return 'pt-BR';
      case 'hi':
        return 'hi';
      case 'id':
      case 'in':
        return 'id';
    }
  }
  return 'en';
}
