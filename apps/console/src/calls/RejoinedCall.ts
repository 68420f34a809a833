import type { CurrentCall } from '../state/types';
import { AgentCall } from './AgentCall';
import { rejoinLeg } from './rejoin-leg';
import { t } from '../i18n/i18n';

export type { RejoinMediaFactory } from './rejoin-leg';

/**
 * An anchored call this page has no audio for (it was reloaded mid-call), taken back: the
 * customer is still connected to the media engine, so the call is shown at once (Hang up works
 * from the start) and a fresh leg is asked for ({@link rejoinLeg}: the microphone, `call:rejoin`,
 * our answer in `call:rejoin-answer`); from then on it is an ordinary anchored call. If any step
 * fails before the answer is taken, whatever was opened is closed and the call is offered to be
 * ended, as a call this page cannot take back is, with the reason shown; one after that (the
 * leg does not connect, no audio comes) ends the call as it ends any call.
 *
 * @example
 * const shown = rejoiningCall(view, Date.now());
 * if (shown) await new RejoinedCall(context, view.id).rejoin(shown);
 */
export class RejoinedCall extends AgentCall {
  // only an anchored call is rejoined
  protected override get anchored(): boolean {
    return true;
  }

  async rejoin(call: CurrentCall): Promise<void> {
    this.show(call);
    const leg = await rejoinLeg({
      callId: this.callId,
      context: this.context,
      wanted: () => this.#rejoining() !== null,
    });
    const current = this.#rejoining();
    // (hung up, or ended by the customer, meanwhile: that ended the call here already)
    if (!current) return;
    if (!leg.ok) {
      this.#fallBack(leg.message);
      return;
    }
    this.begin(leg.media, current);
    // reconnecting your audio… until audio flows, then connected
    leg.media.expectAudio();
  }

  /** the call while it is still being rejoined (not hung up, not ended), or null */
  #rejoining(): CurrentCall | null {
    const current = this.current();
    return this.live && current?.phase === 'rejoining' ? current : null;
  }

  /** the audio cannot come back: the call is offered to be ended, saying why */
  #fallBack(reason: string): void {
    const { store } = this.context;
    store.getState().callPatched(this.callId, { phase: 'orphaned' });
    store.getState().problemShown(t('call.rejoin.failed', { reason }));
  }
}
