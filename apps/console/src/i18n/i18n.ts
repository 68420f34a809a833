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
 * the current language each time they are read, so a module-level table follows a switch. An
 * entry is a message id, or an id with its values.
 *
 * @example
 * export const ROLE_WORDS = lazyWords({ agent: 'role.agent', admin: 'role.admin' });
 * ROLE_WORDS.agent; // 'Agent', or 'Agente' once Spanish is active
 * lazyWords({ ringTimeoutSec: ['channel.problem.ringTimeout', { min: 5, max: 300 }] });
 */
export function lazyWords<K extends string>(
  entries: Record<K, MessageKey | readonly [MessageKey, MessageValues]>,
): Record<K, string> {
  const words = {} as Record<K, string>;
  for (const [name, entry] of Object.entries(entries) as [
    K,
    MessageKey | readonly [MessageKey, MessageValues],
  ][]) {
    const read = typeof entry === 'string' ? () => t(entry) : () => t(entry[0], entry[1]);
    Object.defineProperty(words, name, { get: read, enumerable: true });
  }
  return words;
}
