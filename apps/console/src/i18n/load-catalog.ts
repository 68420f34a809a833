import type { Messages } from '@lingui/core';
import type { Locale } from '@ringside/contracts';

// written out one by one: the bundler makes each a chunk of its own, fetched only when used
const CATALOGS: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('virtual:ringside-catalog/en'),
  es: () => import('virtual:ringside-catalog/es'),
  'pt-BR': () => import('virtual:ringside-catalog/pt-BR'),
  hi: () => import('virtual:ringside-catalog/hi'),
  id: () => import('virtual:ringside-catalog/id'),
};

/**
 * A locale's compiled messages, fetched on first use (each locale is its own chunk).
 *
 * @example
 * i18n.load('es', await loadCatalog('es'));
 */
export async function loadCatalog(locale: Locale): Promise<Messages> {
  return (await CATALOGS[locale]()).messages;
}
