import type { AppState } from '../state/store';

/**
 * Why the agent cannot place a call right now, in words for the disabled Call button; `null`
 * when they can. Placing a call needs what answering one needs: this tab handling calls, the
 * connection, a warm microphone, and no other call.
 *
 * @example
 * dialBlockedReason(store.getState()); // 'You are on a call.'
 */
export function dialBlockedReason(
  state: Pick<AppState, 'tab' | 'connection' | 'current' | 'mic' | 'me'>,
): string | null {
  if (state.tab === 'other-tab') return 'Calls are handled in your other tab: call from there.';
  if (state.tab !== 'owner') return 'Getting ready…';
  if (state.me && state.me.channels.length === 0) return 'You have no channel to call from.';
  if (state.connection !== 'connected') return 'Not connected to Ringside right now.';
  if (state.current) return 'You are on a call.';
  if (state.mic === 'requesting') return 'Waiting for the microphone…';
  if (state.mic !== 'ready') return 'Your microphone is off: choose Available to turn it on.';
  return null;
}
