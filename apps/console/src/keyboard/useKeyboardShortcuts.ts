import { useEffect } from 'react';
import { activeRinging } from '../alerts/RingAlerts';
import { useCalling, useServices } from '../app/ConsoleProvider';
import { shortcutFor } from './shortcuts';

/**
 * A accepts and D declines the oldest ringing call, M mutes or unmutes, H hangs up; never
 * while the agent types in a field. Works on every signed-in page.
 *
 * @example
 * function AppShell() { useKeyboardShortcuts(); … }
 */
export function useKeyboardShortcuts(): void {
  const { store } = useServices();
  const calling = useCalling();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      const state = store.getState();
      const [first] = activeRinging(state.ringing);
      switch (action) {
        case 'accept':
          if (!first || state.current) return;
          void calling.calls.accept(first.callId);
          break;
        case 'decline':
          if (!first) return;
          void calling.ringing.decline(first.callId);
          break;
        case 'mute':
          if (!state.current) return;
          calling.calls.toggleMute();
          break;
        case 'hangup':
          if (!state.current) return;
          void calling.calls.hangUp();
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, calling]);
}
