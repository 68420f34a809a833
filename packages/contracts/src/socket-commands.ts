import { z } from 'zod';
import { selectableAgentStatusSchema } from './call-outcome';
import { qualityMetricsSchema } from './socket-views';

const callId = z.string().min(1);
// an audio-only SDP is a few KB; refuse anything absurd before it reaches Meta
const sdp = z.string().min(1).max(65_536);

// client commands use plain objects: unknown keys are dropped, never trusted

/**
 * `agent:set-status`: the agent picks Available or Away.
 *
 * @example
 * socket.emit('agent:set-status', { status: 'available' }, (result) => { if (!result.ok) toast(result.error.message); });
 */
export const agentSetStatusCommandSchema = z.object({ status: selectableAgentStatusSchema });
export type AgentSetStatusCommand = z.infer<typeof agentSetStatusCommandSchema>;

/**
 * `call:accept`: claim a ringing call (the first agent wins; the others get `already_claimed`).
 *
 * @example
 * socket.emit('call:accept', { callId }, ack);
 */
export const callAcceptCommandSchema = z.object({ callId });
export type CallAcceptCommand = z.infer<typeof callAcceptCommandSchema>;

/**
 * `call:answer`: the claiming browser's SDP: the answer to Meta's offer on WhatsApp, our offer
 * on Messenger. The acknowledgement carries Meta's SDP reply for Messenger.
 *
 * @example
 * socket.emit('call:answer', { callId, sdp: pc.localDescription.sdp }, ack);
 */
export const callAnswerCommandSchema = z.object({ callId, sdp });
export type CallAnswerCommand = z.infer<typeof callAnswerCommandSchema>;

/**
 * `call:decline`: this agent will not take the ringing call.
 *
 * @example
 * socket.emit('call:decline', { callId }, ack);
 */
export const callDeclineCommandSchema = z.object({ callId });
export type CallDeclineCommand = z.infer<typeof callDeclineCommandSchema>;

/**
 * `call:hangup`: end the agent's call.
 *
 * @example
 * socket.emit('call:hangup', { callId }, ack);
 */
export const callHangupCommandSchema = z.object({ callId });
export type CallHangupCommand = z.infer<typeof callHangupCommandSchema>;

/**
 * `call:quality`: periodic figures from the browser's WebRTC stats.
 *
 * @example
 * socket.emit('call:quality', { callId, rttMs: 120, jitterMs: 8, lossPct: 0.4, mos: 4.3 }, ack);
 */
export const callQualityCommandSchema = qualityMetricsSchema.extend({ callId });
export type CallQualityCommand = z.infer<typeof callQualityCommandSchema>;

/**
 * `call:dial`: place an outbound call on a channel. `to` is an E.164 number or a business-scoped
 * user id (`US.1349…`, for a customer known by username only) for WhatsApp, a PSID for
 * Messenger; `sdp` is the browser's offer for Meta's `connect`.
 *
 * @example
 * socket.emit('call:dial', { channelId, to: '+918097530000', sdp: offer.sdp }, ack);
 */
export const callDialCommandSchema = z.object({
  channelId: z.string().min(1),
  // a BSUID is a country code, a period and up to 128 letters and digits
  to: z.string().trim().min(1).max(140),
  sdp: sdp.optional(),
});
export type CallDialCommand = z.infer<typeof callDialCommandSchema>;

/**
 * `supervisor:listen`: a supervisor listens in on an anchored call in progress: the media
 * engine offers them a leg of the call's room that hears the agent and the customer, and that
 * nobody hears (it is muted in the room); with `barge`, everyone hears them too. The
 * acknowledgement carries the engine's offer.
 *
 * @example
 * socket.emit('supervisor:listen', { callId }, (r) => r.ok && listen.answer(r.sdp));
 */
export const supervisorListenCommandSchema = z.object({
  callId,
  /** barge in: the supervisor's leg is heard by everyone (their answer then sends a microphone) */
  barge: z.boolean().optional(),
});
export type SupervisorListenCommand = z.infer<typeof supervisorListenCommandSchema>;

/**
 * `supervisor:listen-answer`: the supervisor's browser's answer to the engine's offer.
 *
 * @example
 * socket.emit('supervisor:listen-answer', { callId, sdp: pc.localDescription.sdp }, ack);
 */
export const supervisorListenAnswerCommandSchema = z.object({ callId, sdp });
export type SupervisorListenAnswerCommand = z.infer<typeof supervisorListenAnswerCommandSchema>;

/**
 * `supervisor:stop-listening`: the supervisor leaves the call's room (the call goes on).
 *
 * @example
 * socket.emit('supervisor:stop-listening', { callId }, ack);
 */
export const supervisorStopListeningCommandSchema = z.object({ callId });
export type SupervisorStopListeningCommand = z.infer<typeof supervisorStopListeningCommandSchema>;

/**
 * `supervisor:whisper`: a supervisor already listening in on an anchored call talks to the agent
 * alone: the media engine offers them a second leg, in a side room where only the agent hears
 * them (the customer does not), and offers the agent a leg there too (`call:whisper`). The
 * acknowledgement carries the engine's offer for the supervisor's leg; their answer sends a
 * microphone. Listening again, barging in or leaving ends the whisper.
 *
 * @example
 * socket.emit('supervisor:whisper', { callId }, (r) => r.ok && whisper.answer(r.sdp));
 */
export const supervisorWhisperCommandSchema = z.object({ callId });
export type SupervisorWhisperCommand = z.infer<typeof supervisorWhisperCommandSchema>;

/**
 * `supervisor:whisper-answer`: the supervisor's browser's answer to the engine's offer for the
 * whisper leg (it sends their microphone).
 *
 * @example
 * socket.emit('supervisor:whisper-answer', { callId, sdp: pc.localDescription.sdp }, ack);
 */
export const supervisorWhisperAnswerCommandSchema = z.object({ callId, sdp });
export type SupervisorWhisperAnswerCommand = z.infer<typeof supervisorWhisperAnswerCommandSchema>;

/**
 * `call:whisper-answer`: the agent's browser's answer to `call:whisper`, the engine's offer of a
 * leg on which they hear a supervisor whisper. It receives only: nothing of the agent goes there.
 *
 * @example
 * socket.emit('call:whisper-answer', { callId, sdp: pc.localDescription.sdp }, ack);
 */
export const callWhisperAnswerCommandSchema = z.object({ callId, sdp });
export type CallWhisperAnswerCommand = z.infer<typeof callWhisperAnswerCommandSchema>;

/**
 * `call:rejoin`: the agent's console lost its audio of an anchored call in progress (the tab
 * reloaded, the network changed) and asks for a new leg: the media engine drops the agent's old
 * leg and offers a fresh one, heard by the customer as soon as it connects. The acknowledgement
 * carries the engine's offer; answer with `call:rejoin-answer` (it sends the microphone). Only
 * the call's own agent may rejoin; a direct call cannot (its audio ended with the old tab).
 *
 * @example
 * socket.emit('call:rejoin', { callId }, (r) => r.ok && media.answerOffer(r.sdp));
 */
export const callRejoinCommandSchema = z.object({ callId });
export type CallRejoinCommand = z.infer<typeof callRejoinCommandSchema>;

/**
 * `call:rejoin-answer`: the agent's browser's answer to `call:rejoin`'s offer.
 *
 * @example
 * socket.emit('call:rejoin-answer', { callId, sdp: pc.localDescription.sdp }, ack);
 */
export const callRejoinAnswerCommandSchema = z.object({ callId, sdp });
export type CallRejoinAnswerCommand = z.infer<typeof callRejoinAnswerCommandSchema>;

/**
 * `call:transfer-targets`: the colleagues the agent on an anchored call can hand it to now
 * (agents of the call's line who are available), for the transfer picker.
 *
 * @example
 * socket.emit('call:transfer-targets', { callId }, (r) => r.ok && show(r.agents));
 */
export const callTransferTargetsCommandSchema = z.object({ callId });
export type CallTransferTargetsCommand = z.infer<typeof callTransferTargetsCommandSchema>;

/**
 * `call:transfer`: the agent on an anchored call hands it to a colleague, or to a line's queue (its
 * available agents are all offered it; the first to accept takes it). The customer hears hold
 * music and no longer hears the agent; the colleague's console is offered the call
 * (`call:transfer-offered`). `cold`: the call is theirs as soon as they accept. `warm`: accepting
 * puts them on a line with the transferring agent first (a consult); `call:transfer-complete`
 * then hands the call over. The transferring agent hears how it goes in `call:transfer-progress`.
 *
 * @example
 * socket.emit('call:transfer', { callId, toUserId, mode: 'cold' }, ack);
 * socket.emit('call:transfer', { callId, toChannelId, mode: 'cold' }, ack); // to a line's queue
 */
export const callTransferCommandSchema = z
  .object({
    callId,
    /** a colleague by user id … */
    toUserId: z.string().min(1).optional(),
    /** … or a line's queue: every available agent of the channel is offered it, first wins */
    toChannelId: z.string().min(1).optional(),
    mode: z.enum(['cold', 'warm']),
  })
  .refine((c) => (c.toUserId === undefined) !== (c.toChannelId === undefined), {
    message: 'name a colleague (toUserId) or a line (toChannelId), not both',
  });
export type CallTransferCommand = z.infer<typeof callTransferCommandSchema>;

/**
 * `call:transfer-cancel`: the transferring agent takes the call back before it is handed over:
 * the music stops, they and the customer hear each other again, the colleague's offer (or
 * consult) ends.
 *
 * @example
 * socket.emit('call:transfer-cancel', { callId }, ack);
 */
export const callTransferCancelCommandSchema = z.object({ callId });
export type CallTransferCancelCommand = z.infer<typeof callTransferCancelCommandSchema>;

/**
 * `call:transfer-complete`: in a warm transfer, after talking with the colleague, the
 * transferring agent hands the call over; their part of it ends.
 *
 * @example
 * socket.emit('call:transfer-complete', { callId }, ack);
 */
export const callTransferCompleteCommandSchema = z.object({ callId });
export type CallTransferCompleteCommand = z.infer<typeof callTransferCompleteCommandSchema>;

/**
 * `call:transfer-accept`: the colleague takes the call offered to them. Cold: the call becomes
 * theirs (a `call:updated` naming them follows; their console joins it as it rejoins a call).
 * Warm: the acknowledgement carries the media engine's offer for their leg of the consult with
 * the transferring agent; answer with `call:transfer-answer` (it sends the microphone).
 *
 * @example
 * socket.emit('call:transfer-accept', { callId }, (r) => r.ok && r.sdp && consult.answer(r.sdp));
 */
export const callTransferAcceptCommandSchema = z.object({ callId });
export type CallTransferAcceptCommand = z.infer<typeof callTransferAcceptCommandSchema>;

/**
 * `call:transfer-answer`: the colleague's browser's answer to the engine's offer of the consult
 * leg (a warm transfer).
 *
 * @example
 * socket.emit('call:transfer-answer', { callId, sdp: pc.localDescription.sdp }, ack);
 */
export const callTransferAnswerCommandSchema = z.object({ callId, sdp });
export type CallTransferAnswerCommand = z.infer<typeof callTransferAnswerCommandSchema>;

/**
 * `call:transfer-decline`: the colleague turns the offered call down, or leaves the consult; the
 * transferring agent is back with the customer.
 *
 * @example
 * socket.emit('call:transfer-decline', { callId }, ack);
 */
export const callTransferDeclineCommandSchema = z.object({ callId });
export type CallTransferDeclineCommand = z.infer<typeof callTransferDeclineCommandSchema>;

/**
 * Every client→server command's payload schema by event name, for one generic validator.
 *
 * @example
 * const parsed = CLIENT_COMMAND_SCHEMAS['call:accept'].safeParse(payload);
 */
export const CLIENT_COMMAND_SCHEMAS = {
  'agent:set-status': agentSetStatusCommandSchema,
  'call:accept': callAcceptCommandSchema,
  'call:answer': callAnswerCommandSchema,
  'call:decline': callDeclineCommandSchema,
  'call:hangup': callHangupCommandSchema,
  'call:quality': callQualityCommandSchema,
  'call:dial': callDialCommandSchema,
  'supervisor:listen': supervisorListenCommandSchema,
  'supervisor:listen-answer': supervisorListenAnswerCommandSchema,
  'supervisor:stop-listening': supervisorStopListeningCommandSchema,
  'supervisor:whisper': supervisorWhisperCommandSchema,
  'supervisor:whisper-answer': supervisorWhisperAnswerCommandSchema,
  'call:whisper-answer': callWhisperAnswerCommandSchema,
  'call:rejoin': callRejoinCommandSchema,
  'call:rejoin-answer': callRejoinAnswerCommandSchema,
  'call:transfer-targets': callTransferTargetsCommandSchema,
  'call:transfer': callTransferCommandSchema,
  'call:transfer-cancel': callTransferCancelCommandSchema,
  'call:transfer-complete': callTransferCompleteCommandSchema,
  'call:transfer-accept': callTransferAcceptCommandSchema,
  'call:transfer-answer': callTransferAnswerCommandSchema,
  'call:transfer-decline': callTransferDeclineCommandSchema,
} as const;
export type ClientCommandName = keyof typeof CLIENT_COMMAND_SCHEMAS;
