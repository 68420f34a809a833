import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/i18n';
import { Button } from '../ui/controls';
import { applyTheme, nextTheme, readThemeChoice, THEME_KEY, type ThemeChoice } from './theme';

const LABELS: Record<ThemeChoice, MessageKey> = {
  system: 'shell.theme.system',
  light: 'shell.theme.light',
  dark: 'shell.theme.dark',
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
  const t = useT();
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
      {t(LABELS[choice])}
    </Button>
  );
}
