import { setupI18n } from '@lingui/core';
import type english from './catalogs/en.json';

/** a message's id: a key of the English catalog, so a typo does not compile */
export type MessageKey = keyof typeof english;

/** the values a message's `{placeholders}` take; numbers drive its plurals */
export type MessageValues = Record<string, string | number>;

/**
 * The one message lookup of the page (Lingui's). Which language it speaks is owned by
 * `Languages` (in the console's services), which loads a catalog and activates it; words
 * functions and components only read through {@link t}.
 */
export const i18n = setupI18n();

/**
 * A message in the console's current language, its placeholders and plurals filled in.
 *
 * @example
 * t('shell.signOut'); // 'Sign out'
 * t('history.earlierCalls', { count: 2 }); // '2 earlier calls'
 */
export function t(key: MessageKey, values?: MessageValues): string {
  return i18n._(key, values);
}

/** the language messages and formats are in now ('en' before any is active) */
export function currentLocale(): string {
  return i18n.locale || 'en';
}

/**
 * Whether a string is a message id of the English catalog (for lists that mix catalog keys
 * with words given as they are).
 *
 * @example
 * isMessageKey('shell.signOut'); // true
 * isMessageKey('Checks'); // false
 */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(i18n.messages, value);
}

/**
 * A table of words (for a select's options, a field's problems) whose entries are looked up in
 * the current language each time they are read, so a module-level table follows a switch.
 *
 * @example
 * export const ROLE_WORDS = lazyWords({ agent: 'role.agent', admin: 'role.admin' });
 * ROLE_WORDS.agent; // 'Agent', or 'Agente' once Spanish is active
 */
export function lazyWords<K extends string>(keys: Record<K, MessageKey>): Record<K, string> {
  const words = {} as Record<K, string>;
  for (const [name, key] of Object.entries(keys) as [K, MessageKey][]) {
    Object.defineProperty(words, name, { get: () => t(key), enumerable: true });
  }
  return words;
}
