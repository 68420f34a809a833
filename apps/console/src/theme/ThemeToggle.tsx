import { useState } from 'react';
import { Button } from '../ui/controls';
import { applyTheme, nextTheme, readThemeChoice, THEME_KEY, type ThemeChoice } from './theme';

const LABELS: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

function stored(): ThemeChoice {
  try {
    return readThemeChoice(window.localStorage.getItem(THEME_KEY));
  } catch {
    return 'system';
  }
}

/** cycles system → light → dark; the label says the current choice */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  return (
    <Button
      tone="ghost"
      className="min-h-9 px-2 text-xs"
      onClick={() => {
        const next = nextTheme(choice);
        applyTheme(next, window);
        setChoice(next);
      }}
    >
      {LABELS[choice]}
    </Button>
  );
}
