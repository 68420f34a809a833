import { Link } from 'react-router';
import { useAppState } from '../../app/ConsoleProvider';
import { useLastCheck, useMicActivity } from '../../app/setup-hooks';
import { setupWarning, SILENT_WARNING_MS } from '../../setup/setup-warning';
import { lastCheckLine, testedAtWords } from '../../setup/tested-at';
import { useT } from '../../i18n/I18nProvider';
import { Banner } from '../../ui/controls';

const LINK =
  'font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100';

/**
 * Above the status control: a warning when the microphone gives nothing right now or the last
 * setup test failed. It never stops the agent going Available; it says what to fix.
 */
export function SetupWarningBanner() {
  const last = useLastCheck();
  const silent = useMicActivity((a) => a.measuring && a.silentForMs >= SILENT_WARNING_MS);
  const inCall = useAppState((s) => s.current !== null);
  const t = useT();
  const warning = setupWarning({
    last,
    micSilentForMs: silent ? SILENT_WARNING_MS : 0,
    inCall,
  });
  if (!warning) return null;
  return (
    <Banner
      kind="warning"
      title={warning.title}
      action={
        <Link to="/setup" className={LINK}>
          {t('setupEntry.testAgain')}
        </Link>
      }
    >
      {warning.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {warning.testedAt !== undefined ? (
        <p className="mt-1 text-xs">
          {t('setupEntry.tested', { when: testedAtWords(warning.testedAt, Date.now()) })}
        </p>
      ) : null}
    </Banner>
  );
}

/** the way to "Test my setup", with how the last test went */
export function SetupEntry() {
  const last = useLastCheck();
  const t = useT();
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 px-1 text-sm text-slate-600 dark:text-slate-300">
      <Link to="/setup" className={LINK}>
        {t('setupEntry.link')}
      </Link>
      <span>{lastCheckLine(last, Date.now())}</span>
    </p>
  );
}
