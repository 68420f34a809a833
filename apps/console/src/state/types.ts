import type {
  AgentRef,
  AgentStatus,
  CallDirection,
  CallOutcome,
  Called,
  Caller,
  CallSource,
  CallView,
  Channel,
  MeReply,
  QualityLevel,
  TransferQueue,
} from '@ringside/contracts';

// everything here is plain data: the store holds no class instances, streams or functions

/** who is signed in, as `GET /api/me` says */
export type Me = MeReply;

/** whether we know who is signed in yet */
export type AuthState = 'checking' | 'signed-out' | 'signed-in';

/** whether this tab handles the agent's calls (one tab per agent does) */
export type TabRole = 'checking' | 'owner' | 'other-tab';

/** the one socket to the server, as the agent should understand it */
/** `too-many-consoles`: the server refused this one (the user has too many open); it retries */
export type ConnectionState =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'too-many-consoles' | 'offline';

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
  /** the call link (campaign) or call button the customer called from */
  source?: CallSource;
  /** a queueing line's media engine answered the caller (the ring says so) */
  waiting?: NonNullable<CallView['waiting']>;
  notice?: RingNotice;
}

/**
 * The agent's own call, from the click on Accept (or Call) to the end.
 * `claiming`: accept sent, SDP being prepared; `placing`: our outbound offer is being built and
 * sent, and the server has not named the call yet (its `callId` is a local one); `dialing`:
 * the server asked Meta to call the customer; `ringing`: the customer's phone rings;
 * `connecting`: Meta has our SDP (or the customer picked up), audio not up yet; `active`:
 * talking; `ending`: hang-up sent; `orphaned`: the server says we are on a call this tab has no
 * audio for (e.g. after a reload); `rejoining`: such a call is anchored, and this tab is asking
 * the media engine for a fresh leg into it.
 */
export type CallPhase =
  | 'claiming'
  | 'placing'
  | 'dialing'
  | 'ringing'
  | 'connecting'
  | 'active'
  /** the audio path dropped mid-call; ICE is trying to get it back (Meta allows about 30 s) */
  | 'reconnecting'
  | 'ending'
  | 'orphaned'
  | 'rejoining';

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
  /** `outbound` when the agent called the customer */
  direction: CallDirection;
  /** the customer, whoever called whom */
  caller: Caller;
  /** our channel: the number or Page called, or called from */
  called: Called;
  phase: CallPhase;
  /** epoch ms of the click on Accept (or Call) */
  acceptedAt: number;
  /** epoch ms Meta accepted, or the customer picked up (the timer counts from here) */
  answeredAt?: number;
  muted: boolean;
  held: boolean;
  /** DTMF digits sent during this call, for the keypad's display */
  dtmfSent: string;
  quality?: QualityState;
  /** Meta records or transcribes this call (the line's policy): the card's badge */
  mediaCapture?: 'record' | 'transcribe' | 'both';
  /** its audio runs through the media engine (the server's view says so): it can be transferred */
  anchored?: boolean;
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

/**
 * What became of the agent's last attempt to call someone, shown by the New call form:
 * `invalid` (the number or PSID cannot be called as typed), `permission-requested` (the
 * customer was asked to allow calls), `refused` (Ringside or Meta would not place it, or it
 * failed before it rang), `ended` (it ended before anyone talked: declined, not answered).
 */
export interface DialNotice {
  id: number;
  kind: 'invalid' | 'permission-requested' | 'refused' | 'ended';
  message: string;
}

/**
 * A call the agent asked to place from elsewhere (History's **Call back**): the New call form
 * fills in this channel and number or PSID, and the agent presses Call to place it.
 */
export interface DialDraft {
  channelId: string;
  /** an E.164 number (WhatsApp) or a PSID (Messenger), as the form's field takes it */
  to: string;
}

/**
 * A customer's answer to a call-permission request (`call:permission`), as the agent view's
 * notice shows it: they allowed calls from a channel (`granted`), or refused.
 */
export interface PermissionNotice {
  id: number;
  channelId: string;
  channel: Channel;
  /** their WhatsApp number (and profile name) or Messenger PSID */
  customer: Caller;
  granted: boolean;
  /** epoch ms the permission lapses; absent when refused or permanent */
  expiresAt?: number;
  permanent?: boolean;
}

/** the agent's own presence, as the server last told it */
export type AgentPresence = AgentStatus;

/** `cold`: the colleague takes the call at once; `warm`: they talk with the agent first */
export type TransferMode = 'cold' | 'warm';

/** where the agent sends their call: a colleague, or a line's queue (its first agent to accept) */
export type TransferTarget =
  { kind: 'agent'; agent: AgentRef } | { kind: 'queue'; queue: TransferQueue };

/**
 * The agent's own call being handed over: `ringing` while the colleague's console (or every
 * available agent of the queue's line) is offered it, `consulting` while the two talk (a warm
 * transfer); the customer hears hold music. `to` is who takes it: a colleague named at once, or,
 * sent to a `queue`, whoever of it accepted (absent while it rings).
 */
export interface OutgoingTransfer {
  callId: string;
  to?: AgentRef;
  queue?: TransferQueue;
  mode: TransferMode;
  step: 'ringing' | 'consulting';
}

/** a colleague offering this agent their call (`call:transfer-offered`), as its card shows it */
export interface TransferOffer {
  callId: string;
  mode: TransferMode;
  from: AgentRef;
  channel: Channel;
  caller: Caller;
  called: Called;
  /** epoch ms */
  offeredAt: number;
  /** Accept was pressed: its answer is awaited */
  accepting: boolean;
  /** sent to this line's queue: offered to its other available agents too, the first wins */
  queue?: TransferQueue;
}

/**
 * This agent on a line with the colleague handing them a call (a warm transfer), while the
 * customer hears hold music: `joining` until the line is answered, then `talking`.
 */
export interface Consult {
  callId: string;
  from: AgentRef;
  caller: Caller;
  phase: 'joining' | 'talking';
}

/** what became of a transfer, in words, until dismissed or replaced */
export interface TransferNotice {
  id: number;
  message: string;
}
