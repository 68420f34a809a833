import type { Logger } from '../log';
import type { Outcome } from './LocalAudio';

/** why a session gave up; the call decides how to end it on the server */
export type FailureReason =
  | 'bad-offer'
  | 'sdp-invalid'
  | 'rtc-error'
  | 'answer-refused'
  | 'bad-reply'
  | 'ice-failed'
  | 'connection-lost'
  | 'no-audio';

export interface SessionFailure {
  reason: FailureReason;
  /** for the agent: what happened and what it means for the call */
  message: string;
}

/** what a strategy's SDP step produced: checked SDP to send, or why not */
export type LocalSdpResult = { ok: true; sdp: string } | { ok: false; failure: SessionFailure };

/** what a strategy may use of the session it negotiates for */
export interface SdpPeer {
  readonly pc: RTCPeerConnection;
  readonly log: Logger;
  callId(): string;
  /** adds the microphone to the connection: before any SDP is created */
  attachMicrophone(): void;
  /** what our SDP must announce: the microphone's stream */
  expectedTrack(): { msid: string };
  /** our local description once ICE gathering is done or its bound passed, checked */
  gatheredAndChecked(kind: 'offer' | 'answer'): Promise<LocalSdpResult>;
}

/**
 * One channel's way of negotiating a call's media with Meta, for {@link MediaSession}:
 * {@link AnswerMetaOffer} (a WhatsApp call the customer placed: Meta's offer came with the ring)
 * or {@link OfferToMeta} (Messenger calls, and every call the agent places: we offer). The
 * session does the rest of the media; sending the SDP is the call's job, not the strategy's.
 *
 * @example
 * const session = new MediaSession({ …, sdp: (peer) => new OfferToMeta(peer, 'messenger') });
 */
export interface SdpStrategy {
  /** builds our SDP (microphone first), checked: nothing leaves the browser from here */
  build(): Promise<LocalSdpResult>;
  /** the call is surely ours: let go of what was held back until then */
  release(): Promise<Outcome>;
  /** Meta's answer to our offer; a repeat, or one with no offer of ours pending, is ignored */
  applyAnswer(sdp: string): Promise<Outcome>;
  /** a new offer from Meta in its reply (Messenger's `sdp_renegotiation`), answered locally */
  answerOffer(sdp: string): Promise<Outcome>;
  /** a later offer (`media_update`), applied by highest version only; never fails the call */
  remoteOffer(sdp: string, version: number | undefined): Promise<void>;
}

/** builds a call's strategy once its peer connection exists */
export type SdpStrategyFactory = (peer: SdpPeer) => SdpStrategy;
