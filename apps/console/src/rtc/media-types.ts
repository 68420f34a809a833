import type { QualityMetrics } from '@ringside/contracts';
import type { Logger } from '../log';
import type { QualityState } from '../state/types';
import type { HoldMusic } from './hold-music';
import type { SessionMicrophone } from './LocalAudio';
import type { SdpStrategyFactory, SessionFailure } from './sdp-strategy';
import type { SessionPhase } from './session-phase';

/** where the caller's voice plays (an `<audio>` element) */
export interface AudioSink {
  attach(stream: MediaStream): void;
  detach(): void;
}

export type SessionEvent =
  | { type: 'phase'; phase: SessionPhase }
  | { type: 'quality'; quality: QualityState }
  /** what the server should hear about quality (`call:quality`), every few seconds */
  | { type: 'metrics'; metrics: QualityMetrics }
  | { type: 'failed'; failure: SessionFailure };

/** what {@link MediaSession.prepare} built: checked SDP for the call to send, or why not */
export type PreparedSdp = { ok: true; sdp: string } | Failed;

export type Failed = { ok: false; message: string };

export interface SessionTiming {
  /** bound on ICE gathering before the SDP goes out anyway */
  iceGatheringMs: number;
  /** no inbound RTP this long after Meta accepted: the call is ended */
  noAudioMs: number;
  /**
   * a path that dropped mid-call has this long to come back before the call is given up for
   * lost: Meta drops a call after about 30 s with no packets (meta-calling.md §2.6)
   */
  reconnectMs: number;
  statsIntervalMs: number;
}

export const DEFAULT_TIMING: SessionTiming = {
  iceGatheringMs: 1500,
  noAudioMs: 6000,
  reconnectMs: 30_000,
  statsIntervalMs: 1000,
};

export interface MediaSessionOptions {
  /** the server's call id, for logs; an outbound call starts with a local one */
  callId: string;
  microphone: SessionMicrophone;
  audio: AudioSink;
  /** the channel's way of negotiating with Meta */
  sdp: SdpStrategyFactory;
  /** who is at the other end, in the agent's words ("the caller", "the customer") */
  farEnd?: string;
  /** STUN and TURN servers, and whether only relays may be used (none: host candidates only) */
  icePaths?: { iceServers: RTCIceServer[]; iceTransportPolicy: RTCIceTransportPolicy };
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  createHoldMusic?: () => HoldMusic;
  timing?: Partial<SessionTiming>;
  log?: Logger;
}
