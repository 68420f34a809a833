/** the agent's colour choice; `system` follows the operating system */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_KEY = 'ringside:theme';

/**
 * Reads a stored choice; anything unknown is `system`.
 *
 * @example
 * readThemeChoice('dark'); // 'dark'
 * readThemeChoice(null); // 'system'
 */
export function readThemeChoice(stored: string | null): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/**
 * Whether the page should be dark.
 *
 * @example
 * isDark('system', true); // true
 * isDark('light', true); // false
 */
export function isDark(choice: ThemeChoice, systemPrefersDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemPrefersDark);
}

/**
 * The next choice for a toggle button cycling system → light → dark.
 *
 * @example
 * nextTheme('system'); // 'light'
 */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}

/**
 * Applies a choice to the page and remembers it (the inline script in index.html applies it
 * before the first paint on the next load).
 *
 * @example
 * applyTheme('dark', window);
 */
export function applyTheme(choice: ThemeChoice, win: Window): void {
  try {
    if (choice === 'system') win.localStorage.removeItem(THEME_KEY);
    else win.localStorage.setItem(THEME_KEY, choice);
  } catch {
    // storage can be off (private modes); the choice still applies to this page
  }
  const dark = isDark(choice, win.matchMedia('(prefers-color-scheme: dark)').matches);
  win.document.documentElement.classList.toggle('dark', dark);
}
