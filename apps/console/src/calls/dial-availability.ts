import { t } from '../i18n/i18n';
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
  if (state.tab === 'other-tab') return t('dialBlocked.otherTab');
  if (state.tab !== 'owner') return t('dialBlocked.gettingReady');
  if (state.me && state.me.channels.length === 0) return t('dialBlocked.noChannel');
  if (state.connection !== 'connected') return t('dialBlocked.notConnected');
  if (state.current) return t('dialBlocked.onCall');
  if (state.mic === 'requesting') return t('status.waitingMic');
  if (state.mic !== 'ready') return t('dialBlocked.micOff');
  return null;
}
