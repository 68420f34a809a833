import type {
  AgentStatus,
  CallOutcome,
  Called,
  Caller,
  Channel,
  MeReply,
  QualityLevel,
} from '@ringside/contracts';

// everything here is plain data: the store holds no class instances, streams or functions

/** who is signed in, as `GET /api/me` says */
export type Me = MeReply;

/** whether we know who is signed in yet */
export type AuthState = 'checking' | 'signed-out' | 'signed-in';

/** whether this tab handles the agent's calls (one tab per agent does) */
export type TabRole = 'checking' | 'owner' | 'other-tab';

/** the one socket to the server, as the agent should understand it */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** where the microphone stands; anything but `ready` keeps the agent from being offered calls */
export type MicState = 'idle' | 'requesting' | 'ready' | 'denied' | 'missing' | 'busy' | 'error';

/** one microphone or speaker the browser lists */
export interface DeviceOption {
  id: string;
  label: string;
}

/** why a ringing card is about to disappear */
export type RingNotice =
  | { kind: 'answered-elsewhere'; by: string }
  | { kind: 'caller-hung-up' }
  | { kind: 'timed-out' }
  | { kind: 'ended'; text: string };

/** a call ringing for this agent, as its card shows it */
export interface RingingCall {
  callId: string;
  channel: Channel;
  caller: Caller;
  called: Called;
  earlierCalls: number;
  /** epoch ms */
  ringingSince: number;
  ringTimeoutMs: number;
  notice?: RingNotice;
}

/**
 * The agent's own call, from the click on Accept to the end.
 * `claiming`: accept sent, SDP being prepared; `connecting`: our SDP went to Meta, audio not up
 * yet; `active`: talking; `ending`: hang-up sent; `orphaned`: the server says we are on a call
 * this tab has no audio for (e.g. after a reload).
 */
export type CallPhase = 'claiming' | 'connecting' | 'active' | 'ending' | 'orphaned';

/** a warning shown during a call, Twilio-style */
export type QualityWarning =
  | 'high-rtt'
  | 'high-jitter'
  | 'high-packet-loss'
  | 'low-mos'
  | 'no-audio-received'
  | 'no-audio-sent';

/** live quality from the browser's WebRTC stats */
export interface QualityState {
  level: QualityLevel;
  reason?: string;
  rttMs: number;
  jitterMs: number;
  lossPct: number;
  mos: number;
  warnings: QualityWarning[];
}

export interface CurrentCall {
  callId: string;
  channel: Channel;
  caller: Caller;
  called: Called;
  phase: CallPhase;
  /** epoch ms of the click on Accept */
  acceptedAt: number;
  /** epoch ms Meta accepted (the timer counts from here) */
  answeredAt?: number;
  muted: boolean;
  held: boolean;
  /** DTMF digits sent during this call, for the keypad's display */
  dtmfSent: string;
  quality?: QualityState;
}

/** after-call work for a call the agent talked on */
export interface WrapUp {
  callId: string;
  channel: Channel;
  caller: Caller;
  outcome: CallOutcome;
  /** why it ended, in words (e.g. "The caller hung up.") */
  message: string;
  durationSec?: number;
  saving: boolean;
  error?: string;
}

/** something the agent must read: a call that could not be answered, a failed command */
export interface Problem {
  id: number;
  message: string;
}

/** the agent's own presence, as the server last told it */
export type AgentPresence = AgentStatus;
