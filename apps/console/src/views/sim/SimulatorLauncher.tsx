import { useT } from '../../i18n/I18nProvider';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useAppState } from '../../app/ConsoleProvider';
import { Button } from '../../ui/controls';

const SimulatorDrawer = lazy(() =>
  import('./SimulatorDrawer').then((m) => ({ default: m.SimulatorDrawer })),
);

/**
 * The header's Simulator button and the drawer it opens, only when the server runs the Meta
 * simulator. It sits in the header's flow rather than floating over the page: a floating
 * button covered the lowest controls (the keypad's last row) on a phone-sized screen.
 *
 * @example
 * <header>… <SimulatorLauncher /> …</header>
 */
export function SimulatorLauncher() {
  const simulator = useAppState((s) => s.simulator);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement | null>(null);
  // focus goes back where it came from, as for any dialog
  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);
  const t = useT();
  if (simulator !== 'on') return null;

  return (
    <>
      <Button
        tone="primary"
        className="min-h-9 px-3 text-xs"
        aria-expanded={open}
        onClick={(event) => {
          opener.current = event.currentTarget;
          setOpen((was) => !was);
        }}
      >
        {t('sim.title')}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <SimulatorDrawer onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
