import { describe, expect, it } from 'vitest';
import { messages as whole } from 'virtual:ringside-catalog/hi';
import { messages as consolePart } from 'virtual:ringside-catalog/hi/console';
import { messages as first } from 'virtual:ringside-catalog/hi/first';

// the login page's sources, as text: the message ids they look up, t('…') or translate('…')
const LOGIN_SOURCES = import.meta.glob<string>('../views/login/*.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function keysUsedIn(sources: Record<string, string>): string[] {
  const keys: string[] = [];
  for (const source of Object.values(sources)) {
    for (const match of source.matchAll(/\b(?:t|translate|richT)\(\s*'([\w.]+)'/g)) {
      if (match[1]) keys.push(match[1]);
    }
  }
  return keys;
}

describe("a locale's catalog parts", () => {
  it('split the whole catalog: every message in exactly one part', () => {
    const firstKeys = Object.keys(first);
    const consoleKeys = Object.keys(consolePart);
    expect(firstKeys.filter((key) => consoleKeys.includes(key))).toEqual([]);
    expect([...firstKeys, ...consoleKeys].sort()).toEqual(Object.keys(whole).sort());
    expect(consoleKeys.length).toBeGreaterThan(firstKeys.length * 20);
  });

  it('hold in the first part every word the login page and the loading line show', () => {
    const shownBeforeSignIn = [...keysUsedIn(LOGIN_SOURCES), 'app.loading'];
    expect(shownBeforeSignIn.length).toBeGreaterThan(5);
    expect(shownBeforeSignIn.filter((key) => !(key in first))).toEqual([]);
  });
});
