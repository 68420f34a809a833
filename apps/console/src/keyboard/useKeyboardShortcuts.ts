import { useEffect } from 'react';
import { activeRinging } from '../alerts/RingAlerts';
import { useServices } from '../app/ConsoleProvider';
import { shortcutFor } from './shortcuts';

/**
 * A accepts and D declines the oldest ringing call, M mutes or unmutes, H hangs up; never
 * while the agent types in a field. Works on every signed-in page.
 *
 * @example
 * function AppShell() { useKeyboardShortcuts(); … }
 */
export function useKeyboardShortcuts(): void {
  const services = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      const state = services.store.getState();
      const [first] = activeRinging(state.ringing);
      switch (action) {
        case 'accept':
          if (!first || state.current) return;
          void services.calls.accept(first.callId);
          break;
        case 'decline':
          if (!first) return;
          void services.ringing.decline(first.callId);
          break;
        case 'mute':
          if (!state.current) return;
          services.calls.toggleMute();
          break;
        case 'hangup':
          if (!state.current) return;
          void services.calls.hangUp();
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [services]);
}
