// pure call model: no i/o, no clock, no randomness; safe for the browser console too
export type {
  ActiveCall,
  Call,
  CallStateName,
  ClaimedCall,
  DialingCall,
  EndedCall,
  LiveCall,
  MetaError,
  OutboundRingingCall,
  Party,
  RingingCall,
  TombstoneCall,
} from './state';
export type {
  CallMediaOfferEvent,
  CallOfferedEvent,
  CallOutboundProgressEvent,
  CallTerminatedEvent,
  IgnoredItem,
  NormalizedCallEvent,
  NormalizedEvent,
  NormalizeResult,
  OutboundProgress,
  PermissionUpdatedEvent,
  MediaReadyEvent,
} from './events';
export { isCallEvent } from './events';
export type {
  AgentAnswerSentCommand,
  AgentClaimCommand,
  AgentDeclineCommand,
  AgentDialCommand,
  AgentHangupCommand,
  AgentTransferCommand,
  CallCommand,
  CallEvent,
  GraphAcceptedCommand,
  GraphAction,
  GraphFailedCommand,
  CallExpiredCommand,
  RingOfferedCommand,
  QueueAnswerCommand,
  RingTimeoutCommand,
} from './commands';
export type * from './effects';
export { transition, type StateChange, type TransitionResult } from './transition';
export { assertNever } from './assert-never';
export { NO_PICKUP_TIMEOUT_MS, VOICEMAIL_MAX_MS } from './timeouts';
export { idempotencyKey } from './idempotency';
export { normalizeWebhook } from './normalize';
export { normalizeWhatsApp } from './normalize-whatsapp';
export { normalizeMessenger } from './normalize-messenger';
