import { z } from 'zod';
import {
  callDirectionSchema,
  callOutcomeSchema,
  channelSchema,
  isoDateTimeSchema,
  roleSchema,
} from './call-outcome';
import { callSourceSchema } from './call-source';
import type {
  AgentSetStatusCommand,
  CallAcceptCommand,
  CallAnswerCommand,
  CallDeclineCommand,
  CallDialCommand,
  CallHangupCommand,
  CallQualityCommand,
  SupervisorListenAnswerCommand,
  SupervisorListenCommand,
  SupervisorStopListeningCommand,
  SupervisorWhisperAnswerCommand,
  SupervisorWhisperCommand,
  CallWhisperAnswerCommand,
  CallRejoinAnswerCommand,
  CallRejoinCommand,
  CallTransferAcceptCommand,
  CallTransferAnswerCommand,
  CallTransferCancelCommand,
  CallTransferCommand,
  CallTransferCompleteCommand,
  CallTransferDeclineCommand,
  CallTransferTargetsCommand,
} from './socket-commands';
import type { AgentRef, AgentView, CallView } from './socket-views';
import {
  agentRefSchema,
  agentViewSchema,
  boardCountersSchema,
  calledSchema,
  callerSchema,
  callViewSchema,
} from './socket-views';

/**
 * Why a command failed, as a stable code the console can switch on.
 *
 * @example
 * if (!result.ok && result.error.code === 'already_claimed') showAnsweredBy();
 */
export const errorCodeSchema = z.enum([
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'already_claimed',
  'invalid_state',
  'agent_unavailable',
  'meta_error',
  /** outbound: the customer has not allowed calls yet; a permission request was sent to them */
  'permission_requested',
  'rate_limited',
  'timeout',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * The failure half of every acknowledgement; `message` is safe to show a user.
 *
 * @example
 * ackErrorSchema.parse({ code: 'not_found', message: 'This call has ended.' });
 */
export const ackErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type AckError = z.infer<typeof ackErrorSchema>;

/**
 * What every client→server command answers through its acknowledgement.
 *
 * @example
 * const ok: AckResult<{ callId: string }> = { ok: true, callId: 'call_1' };
 * const no: AckResult = { ok: false, error: { code: 'forbidden', message: 'Not your call.' } };
 */
export type AckResult<T extends object = Record<never, never>> =
  ({ ok: true } & T) | { ok: false; error: AckError };

/** Meta's SDP reply, passed back to a Messenger browser on `call:answer`. */
export type CallAnswerAck = { sdpResponse?: string; sdpRenegotiation?: string };
/** The new call's id, and Meta's answer when it comes at once (Messenger). */
export type CallDialAck = { callId: string; sdpResponse?: string };

/**
 * `call:ringing`: a call the agent may accept. `sdpOffer` is Meta's offer (WhatsApp inbound).
 *
 * @example
 * socket.on('call:ringing', (call) => notify(`${call.caller.name ?? call.caller.number} calls ${call.called.label}`));
 */
export const callRingingPayloadSchema = z.object({
  callId: z.string().min(1),
  channel: channelSchema,
  direction: callDirectionSchema,
  caller: callerSchema,
  called: calledSchema,
  earlierCalls: z.number().int().nonnegative(),
  ringingSince: isoDateTimeSchema,
  sdpOffer: z.string().min(1).optional(),
  ringTimeoutMs: z.number().int().positive(),
  /** the call link (campaign) or call button the customer called from, when any */
  source: callSourceSchema.optional(),
  /** the caller waits in the line's queue: the media engine answered them (see CallView) */
  waiting: z.enum(['queued', 'voicemail']).optional(),
});
export type CallRingingPayload = z.infer<typeof callRingingPayloadSchema>;

/**
 * `call:claimed`: someone accepted the call; other agents stop ringing and show who.
 *
 * @example
 * socket.on('call:claimed', ({ callId, by }) => stopRinging(callId, by.name));
 */
export const callClaimedPayloadSchema = z.object({ callId: z.string().min(1), by: agentRefSchema });
export type CallClaimedPayload = z.infer<typeof callClaimedPayloadSchema>;

/**
 * `call:ended`: the call is over; `metaError` explains a failure in plain words.
 *
 * @example
 * socket.on('call:ended', (end) => end.metaError && toast(end.metaError.meaning));
 */
export const callEndedPayloadSchema = z.object({
  callId: z.string().min(1),
  outcome: callOutcomeSchema,
  reason: z.string().optional(),
  metaError: z.object({ code: z.number().int(), meaning: z.string() }).optional(),
});
export type CallEndedPayload = z.infer<typeof callEndedPayloadSchema>;

/**
 * `board:snapshot`: everything a supervisor's board shows, sent on join and on demand.
 *
 * @example
 * socket.on('board:snapshot', (board) => store.getState().board.replace(board));
 */
export const boardSnapshotPayloadSchema = z.object({
  calls: z.array(callViewSchema),
  agents: z.array(agentViewSchema),
  counters: boardCountersSchema,
});
export type BoardSnapshotPayload = z.infer<typeof boardSnapshotPayloadSchema>;

/**
 * `board:counters`: today's counters alone, sent to supervisors after a call rings, is answered
 * or ends (bursts are coalesced), so the board's figures stay current between snapshots.
 *
 * @example
 * socket.on('board:counters', (counters) => store.getState().board.setCounters(counters));
 */
export const boardCountersPayloadSchema = boardCountersSchema;
export type BoardCountersPayload = z.infer<typeof boardCountersPayloadSchema>;

/**
 * `call:remote-sdp`: SDP from Meta that reaches us by webhook after the call is set up:
 * the answer to a WhatsApp outbound offer, or a Messenger `media_update` offer (with its
 * version; apply only the highest).
 *
 * @example
 * socket.on('call:remote-sdp', ({ callId, sdpType, sdp }) => sessions.get(callId)?.applyRemote(sdpType, sdp));
 */
export const callRemoteSdpPayloadSchema = z.object({
  callId: z.string().min(1),
  sdpType: z.enum(['offer', 'answer']),
  sdp: z.string().min(1),
  version: z.number().int().nonnegative().optional(),
});
export type CallRemoteSdpPayload = z.infer<typeof callRemoteSdpPayloadSchema>;

/**
 * `call:permission`: a customer answered our call-permission request. `granted` says whether
 * they now allow calls from the channel: until `expiresAt`, or for good when `permanent`.
 * Sent to the users who may call from that channel (`GET /api/me`'s `channels`), so whoever
 * asked can call them back at once, and nobody asks again after a refusal.
 *
 * @example
 * socket.on('call:permission', ({ channelId, customer, granted }) =>
 *   granted && offerCallNow(channelId, customer.number ?? customer.psid));
 */
export const callPermissionPayloadSchema = z.object({
  channelId: z.string().min(1),
  channel: channelSchema,
  customer: callerSchema,
  granted: z.boolean(),
  expiresAt: isoDateTimeSchema.optional(),
  permanent: z.boolean().optional(),
});
export type CallPermissionPayload = z.infer<typeof callPermissionPayloadSchema>;

/**
 * `call:whisper`: a supervisor whispers to the agent on their anchored call: the media engine's
 * offer for a leg on which only the agent hears them. Answer with `call:whisper-answer`, receiving
 * only, and play it beside the call; `call:whisper-ended` (or the call's end) closes it.
 *
 * @example
 * socket.on('call:whisper', ({ callId, sdp, supervisor }) => whisper.hear(callId, sdp, supervisor.name));
 */
export const callWhisperPayloadSchema = z.object({
  callId: z.string().min(1),
  sdp: z.string().min(1),
  supervisor: agentRefSchema,
});
export type CallWhisperPayload = z.infer<typeof callWhisperPayloadSchema>;

/**
 * `call:whisper-ended`: the supervisor stopped whispering (listens only, barged in, or left).
 *
 * @example
 * socket.on('call:whisper-ended', ({ callId }) => whisper.close(callId));
 */
export const callWhisperEndedPayloadSchema = z.object({ callId: z.string().min(1) });
export type CallWhisperEndedPayload = z.infer<typeof callWhisperEndedPayloadSchema>;

/**
 * `call:transfer-offered`: a colleague hands you their anchored call (`cold`: it is yours once you
 * accept; `warm`: accepting first puts you on a line with them while the customer hears hold
 * music). Accept with `call:transfer-accept`, turn it down with `call:transfer-decline`;
 * `call:transfer-withdrawn` takes the offer back.
 *
 * @example
 * socket.on('call:transfer-offered', ({ callId, from, mode, call }) => ring(callId, from.name, call.caller));
 */
export const transferQueueSchema = z.object({ channelId: z.string().min(1), name: z.string() });
export type TransferQueue = z.infer<typeof transferQueueSchema>;

export const callTransferOfferedPayloadSchema = z.object({
  callId: z.string().min(1),
  mode: z.enum(['cold', 'warm']),
  from: agentRefSchema,
  call: callViewSchema,
  /** sent to a line's queue: offered to every available agent of it at once, the first wins */
  queue: transferQueueSchema.optional(),
});
export type CallTransferOfferedPayload = z.infer<typeof callTransferOfferedPayloadSchema>;

/**
 * `call:transfer-withdrawn`: the offer (or consult) is over without the call becoming yours: the
 * colleague took it back, nobody answered in time, or the call ended.
 *
 * @example
 * socket.on('call:transfer-withdrawn', ({ callId }) => stopRinging(callId));
 */
export const callTransferWithdrawnPayloadSchema = z.object({ callId: z.string().min(1) });
export type CallTransferWithdrawnPayload = z.infer<typeof callTransferWithdrawnPayloadSchema>;

/**
 * `call:transfer-progress`: how the transfer of your call goes. `ringing`: the colleague's
 * console (or every available agent of the queue's line) is offered it (the customer hears hold music); `consulting`: they accepted a warm
 * transfer and you are on a line with them; `completed`: the call is theirs and your part of it
 * is over (wrap up); `declined`, `no-answer`, `cancelled`, `failed`: it stays yours and you and
 * the customer hear each other again (`reason` says why, in words, when it failed).
 *
 * @example
 * socket.on('call:transfer-progress', ({ callId, state, to }) => showTransfer(callId, state, to.name));
 */
export const callTransferProgressPayloadSchema = z.object({
  callId: z.string().min(1),
  /** the colleague; absent while a transfer to a queue rings (nobody took it yet) */
  to: agentRefSchema.optional(),
  /** the line's queue the call was sent to, for a transfer to a queue */
  queue: transferQueueSchema.optional(),
  state: z.enum([
    'ringing',
    'consulting',
    'completed',
    'declined',
    'no-answer',
    'cancelled',
    'failed',
  ]),
  reason: z.string().optional(),
});
export type CallTransferProgressPayload = z.infer<typeof callTransferProgressPayloadSchema>;

type Ack<T extends object = Record<never, never>> = (result: AckResult<T>) => void;

/**
 * Commands a browser sends; each answers through a typed acknowledgement.
 *
 * @example
 * const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true });
 */
export interface ClientToServerEvents {
  'agent:set-status': (payload: AgentSetStatusCommand, ack: Ack) => void;
  'call:accept': (payload: CallAcceptCommand, ack: Ack) => void;
  'call:answer': (payload: CallAnswerCommand, ack: Ack<CallAnswerAck>) => void;
  'call:decline': (payload: CallDeclineCommand, ack: Ack) => void;
  'call:hangup': (payload: CallHangupCommand, ack: Ack) => void;
  'call:quality': (payload: CallQualityCommand, ack: Ack) => void;
  'call:dial': (payload: CallDialCommand, ack: Ack<CallDialAck>) => void;
  'supervisor:listen': (payload: SupervisorListenCommand, ack: Ack<EngineOfferAck>) => void;
  'supervisor:listen-answer': (payload: SupervisorListenAnswerCommand, ack: Ack) => void;
  'supervisor:stop-listening': (payload: SupervisorStopListeningCommand, ack: Ack) => void;
  'supervisor:whisper': (payload: SupervisorWhisperCommand, ack: Ack<EngineOfferAck>) => void;
  'supervisor:whisper-answer': (payload: SupervisorWhisperAnswerCommand, ack: Ack) => void;
  'call:whisper-answer': (payload: CallWhisperAnswerCommand, ack: Ack) => void;
  'call:rejoin': (payload: CallRejoinCommand, ack: Ack<EngineOfferAck>) => void;
  'call:rejoin-answer': (payload: CallRejoinAnswerCommand, ack: Ack) => void;
  'call:transfer-targets': (
    payload: CallTransferTargetsCommand,
    ack: Ack<CallTransferTargetsAck>,
  ) => void;
  'call:transfer': (payload: CallTransferCommand, ack: Ack) => void;
  'call:transfer-cancel': (payload: CallTransferCancelCommand, ack: Ack) => void;
  'call:transfer-complete': (payload: CallTransferCompleteCommand, ack: Ack) => void;
  'call:transfer-accept': (
    payload: CallTransferAcceptCommand,
    ack: Ack<CallTransferAcceptAck>,
  ) => void;
  'call:transfer-answer': (payload: CallTransferAnswerCommand, ack: Ack) => void;
  'call:transfer-decline': (payload: CallTransferDeclineCommand, ack: Ack) => void;
}

/**
 * the acknowledgement of `call:transfer-targets`: colleagues who can take the call now, and the
 * workspace's lines whose queue it can be sent to, with how many of their agents are available
 */
export interface CallTransferTargetsAck {
  agents: AgentRef[];
  queues: (TransferQueue & { available: number })[];
}

/**
 * the acknowledgement of `call:transfer-accept`: in a warm transfer, the media engine's offer for
 * the consult leg; none in a cold one
 */
export interface CallTransferAcceptAck {
  sdp?: string;
}

/**
 * the acknowledgement of `supervisor:listen`, `supervisor:whisper` and `call:rejoin`: the media
 * engine's offer for the new leg
 */
export interface EngineOfferAck {
  sdp: string;
}

/**
 * Events the server emits to rooms (`workspace:<id>`, `agent:<id>`, `supervisors:<id>`).
 *
 * @example
 * io.to(`agent:${userId}`).emit('call:ringing', payload);
 */
export interface ServerToClientEvents {
  'call:ringing': (payload: CallRingingPayload) => void;
  'call:claimed': (payload: CallClaimedPayload) => void;
  'call:updated': (payload: CallView) => void;
  'call:ended': (payload: CallEndedPayload) => void;
  'call:remote-sdp': (payload: CallRemoteSdpPayload) => void;
  'call:permission': (payload: CallPermissionPayload) => void;
  'call:whisper': (payload: CallWhisperPayload) => void;
  'call:whisper-ended': (payload: CallWhisperEndedPayload) => void;
  'call:transfer-offered': (payload: CallTransferOfferedPayload) => void;
  'call:transfer-withdrawn': (payload: CallTransferWithdrawnPayload) => void;
  'call:transfer-progress': (payload: CallTransferProgressPayload) => void;
  'agent:updated': (payload: AgentView) => void;
  'board:snapshot': (payload: BoardSnapshotPayload) => void;
  'board:counters': (payload: BoardCountersPayload) => void;
}

/**
 * Events between server nodes (cluster mode, through the Redis Streams adapter).
 *
 * @example
 * io.serverSideEmit('ping');
 */
export interface InterServerEvents {
  ping: () => void;
}

/**
 * What the auth middleware puts on `socket.data`.
 *
 * @example
 * socket.data = socketDataSchema.parse({ userId, workspaceId, role: 'agent', name: 'Asha' });
 */
export const socketDataSchema = z.object({
  userId: z.string().min(1),
  workspaceId: z.string().min(1),
  role: roleSchema,
  name: z.string(),
});
export type SocketData = z.infer<typeof socketDataSchema>;
