import { describe, expect, it } from 'vitest';
import { isDark, nextTheme, readThemeChoice } from './theme';

describe('theme', () => {
  it('reads only known choices', () => {
    expect(readThemeChoice('dark')).toBe('dark');
    expect(readThemeChoice('light')).toBe('light');
    expect(readThemeChoice('purple')).toBe('system');
    expect(readThemeChoice(null)).toBe('system');
  });

  it('follows the system unless the agent chose', () => {
    expect(isDark('system', true)).toBe(true);
    expect(isDark('system', false)).toBe(false);
    expect(isDark('light', true)).toBe(false);
    expect(isDark('dark', false)).toBe(true);
  });

  it('cycles system → light → dark → system', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual([
      'light',
      'dark',
      'system',
    ]);
  });
});
