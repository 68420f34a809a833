import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './shortcuts';

const key = (
  k: string,
  target: unknown = { tagName: 'BODY' },
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'repeat', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps A, D, M, H in either case', () => {
    expect(shortcutFor(key('a'))).toBe('accept');
    expect(shortcutFor(key('D'))).toBe('decline');
    expect(shortcutFor(key('m'))).toBe('mute');
    expect(shortcutFor(key('h'))).toBe('hangup');
    expect(shortcutFor(key('x'))).toBeUndefined();
  });

  it('stays out of the way while typing', () => {
    expect(shortcutFor(key('m', { tagName: 'TEXTAREA' }))).toBeUndefined();
    expect(shortcutFor(key('a', { tagName: 'INPUT', type: 'search' }))).toBeUndefined();
    expect(shortcutFor(key('h', { tagName: 'DIV', isContentEditable: true }))).toBeUndefined();
  });

  it('leaves browser shortcuts and held keys alone', () => {
    expect(shortcutFor(key('a', undefined, { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(key('d', undefined, { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(key('m', undefined, { repeat: true }))).toBeUndefined();
  });
});

describe('isTypingTarget', () => {
  it('does not count checkboxes and buttons as typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });
});
