import { NavLink, Outlet, useLocation } from 'react-router';
import { useAppState, useServices } from '../../app/ConsoleProvider';
import { useKeyboardShortcuts } from '../../keyboard/useKeyboardShortcuts';
import { useT } from '../../i18n/I18nProvider';
import { ThemeToggle } from '../../theme/ThemeToggle';
import { Button } from '../../ui/controls';
import { SimulatorLauncher } from '../sim/SimulatorLauncher';
import { CallStrip } from './CallStrip';
import { LanguagePicker } from './LanguagePicker';
import { RingAnnouncer } from './RingAnnouncer';

const NAV_LINK = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${
    isActive
      ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
      : 'text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800'
  }`;

/** the signed-in frame: header with navigation, the call strip off the agent view, the page */
export function AppShell() {
  const services = useServices();
  const me = useAppState((s) => s.me);
  const location = useLocation();
  const t = useT();
  useKeyboardShortcuts();
  if (!me) return null;
  const seesBoard = me.role === 'supervisor' || me.role === 'admin';

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <div className="mr-auto min-w-0">
            <p className="text-lg font-bold leading-tight">Ringside</p>
            <p className="truncate text-xs text-slate-600 dark:text-slate-400">
              {me.workspaceName}
            </p>
          </div>
          <nav aria-label={t('shell.nav.label')} className="flex flex-wrap gap-1">
            <NavLink to="/" end className={NAV_LINK}>
              {t('shell.nav.console')}
            </NavLink>
            <NavLink to="/history" className={NAV_LINK}>
              {t('shell.nav.history')}
            </NavLink>
            <NavLink to="/callbacks" className={NAV_LINK}>
              {t('shell.nav.callbacks')}
            </NavLink>
            {seesBoard ? (
              <NavLink to="/supervisor" className={NAV_LINK}>
                {t('shell.nav.supervisor')}
              </NavLink>
            ) : null}
            {me.role === 'admin' ? (
              <NavLink to="/admin" className={NAV_LINK}>
                {t('shell.nav.admin')}
              </NavLink>
            ) : null}
          </nav>
          <div className="flex flex-wrap items-center justify-end gap-1">
            <SimulatorLauncher />
            <LanguagePicker />
            <ThemeToggle />
            <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-300">
              {me.name}
            </span>
            <Button
              tone="ghost"
              className="min-h-9 px-2 text-xs"
              onClick={() => void services.signOut()}
            >
              {t('shell.signOut')}
            </Button>
          </div>
        </div>
      </header>
      {location.pathname === '/' ? null : <CallStrip />}
      <RingAnnouncer />
      <main>
        <Outlet />
      </main>
    </div>
  );
}
