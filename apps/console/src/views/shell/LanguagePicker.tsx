import type { Locale } from '@ringside/contracts';
import { useServices } from '../../app/ConsoleProvider';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../i18n/locales';

/**
 * The user's language: takes effect at once and is kept on the server for their next sign-in.
 * Each language is listed by its own name, so anyone finds theirs whatever is shown now.
 */
export function LanguagePicker() {
  const services = useServices();
  const t = useT();
  const locale = useLocale();
  return (
    <select
      aria-label={t('shell.language')}
      value={locale}
      onChange={(event) => {
        const chosen = event.target.value;
        if (isLocale(chosen)) void services.chooseLocale(chosen);
      }}
      className="min-h-9 rounded-md border border-slate-300 bg-white px-2 text-xs dark:border-slate-600 dark:bg-slate-800"
    >
      {LOCALES.map((option: Locale) => (
        <option key={option} value={option} lang={option}>
          {LOCALE_NAMES[option]}
        </option>
      ))}
    </select>
  );
}
