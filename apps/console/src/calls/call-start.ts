import type { CallSession } from '../rtc/CallSession';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { OutboundCallSession } from '../rtc/OutboundCallSession';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { CurrentCall } from '../state/types';

/**
 * What the two ways a call starts — Accept ({@link acceptCall}) and Call ({@link dialCall}) —
 * need from the controller that owns the agent's call from then on. Each flow checks
 * {@link owns} after every wait: the agent may hang up, or the session fail, meanwhile.
 *
 * @example
 * host.begin(session, startedCall(card, host.now()));
 * await host.signaling.send('call:accept', { callId });
 * if (!host.owns(session)) return; // hung up meanwhile
 */
export interface CallStart {
  readonly store: AppStore;
  readonly signaling: Pick<SignalingClient, 'send'>;
  now(): number;
  /** an id for a call being placed, until the server names it */
  localId(): string;
  /** a clone of the warm microphone, opening it first if needed */
  microphone(): Promise<SessionMicrophone | { error: string }>;
  /** the agent's call is now this session's: its events are followed, the store shows `call` */
  begin(session: CallSession, call: CurrentCall, outbound?: OutboundCallSession): void;
  /** the session still carries the agent's call: not hung up, failed or ended meanwhile */
  owns(session: CallSession): boolean;
  /** the agent hung up the last call begun (rather than it failing or ending) */
  endedByAgent(): boolean;
  /** forgets a call that never started (the claim was lost, the dial refused) */
  drop(callId: string): void;
  sendHangup(callId: string): Promise<void>;
  /**
   * `call:dial` was answered: with the call's id (the local one gives way, if the call is still
   * ours) or `null` when refused. Until then, events about calls unknown here are held back.
   */
  dialed(localId: string, callId: string | null): void;
  /** replays what the server said about `callId` before it was known here */
  replayEarly(callId: string): void;
}
