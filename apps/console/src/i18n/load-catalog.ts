import type { Messages } from '@lingui/core';
import type { Locale } from '@ringside/contracts';

/** what shows before sign-in (`first`), and the rest of the console (`console`) */
export type CatalogPart = 'first' | 'console';

type Loader = () => Promise<{ messages: Messages }>;

// written out one by one: the bundler makes each a chunk of its own, fetched only when used
const CATALOGS: Record<Locale, Record<CatalogPart, Loader>> = {
  en: {
    first: () => import('virtual:ringside-catalog/en/first'),
    console: () => import('virtual:ringside-catalog/en/console'),
  },
  es: {
    first: () => import('virtual:ringside-catalog/es/first'),
    console: () => import('virtual:ringside-catalog/es/console'),
  },
  'pt-BR': {
    first: () => import('virtual:ringside-catalog/pt-BR/first'),
    console: () => import('virtual:ringside-catalog/pt-BR/console'),
  },
  hi: {
    first: () => import('virtual:ringside-catalog/hi/first'),
    console: () => import('virtual:ringside-catalog/hi/console'),
  },
  id: {
    first: () => import('virtual:ringside-catalog/id/first'),
    console: () => import('virtual:ringside-catalog/id/console'),
  },
};

/**
 * A part of a locale's compiled messages, fetched on first use (each locale's part is its own
 * chunk): `first` for the login page, `console` once the console signs in.
 *
 * @example
 * i18n.load('es', await loadCatalog('es', 'first'));
 */
export async function loadCatalog(locale: Locale, part: CatalogPart): Promise<Messages> {
  return (await CATALOGS[locale][part]()).messages;
}
