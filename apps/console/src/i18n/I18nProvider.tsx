import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { currentLocale, i18n, t } from './i18n';

const LocaleContext = createContext<string | null>(null);

const subscribe = (onChange: () => void) => i18n.on('change', onChange);

/**
 * Re-renders the console in a new language the moment one is activated: every component that
 * reads {@link useT} renders again, without remounting (forms and calls keep their state).
 *
 * @example
 * <I18nProvider><App /></I18nProvider>
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  // the same reading off the browser, so components render to a string in unit tests
  const locale = useSyncExternalStore(subscribe, currentLocale, currentLocale);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/**
 * The message function, in a component that renders again when the language changes. Throws
 * outside `<I18nProvider>`, which is always a wiring mistake.
 *
 * @example
 * const t = useT();
 * <button>{t('shell.signOut')}</button>
 */
export function useT(): typeof t {
  if (useContext(LocaleContext) === null) {
    throw new Error('useT() was called outside <I18nProvider>; wrap the app in it');
  }
  return t;
}

/** the language the console speaks now, for components that format by it */
export function useLocale(): string {
  const locale = useContext(LocaleContext);
  if (locale === null) throw new Error('useLocale() was called outside <I18nProvider>');
  return locale;
}
