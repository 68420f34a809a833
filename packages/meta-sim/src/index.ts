// meta's side of a call, in a box: graph api emulator, call rules, signed webhooks, a caller
export { createMetaSim } from './create-meta-sim';
export type { MetaSim, PermissionGrant } from './create-meta-sim';

export {
  DEFAULT_APP_SECRET,
  DEFAULT_GRAPH_VERSION,
  DEFAULT_TIMEOUTS,
  DEMO_MESSENGER_PAGE,
  DEMO_WHATSAPP_NUMBER,
} from './engine/config';
export { DEFAULT_PERMISSION_TEMPLATE } from './engine/templates';
export { SIM_APP_ID } from './engine/setup';
export type { MessagingLimitTier, SimSetup, SimSetupOptions, WebhookObject } from './engine/setup';
export type { SimTemplate } from './engine/templates';
export type {
  CalleeBehaviour,
  MetaSimOptions,
  PermissionReplyBehaviour,
  SimMessengerPage,
  SimQuirks,
  SimTimeouts,
  SimWhatsAppNumber,
  WebhookInjection,
  WebhookRetryOptions,
} from './engine/config';
export type { CallHandle } from './engine/call-handle';
export type { PlaceCallOptions } from './engine/place-call';
export type {
  CallFailure,
  CallState,
  Channel,
  Direction,
  EndReason,
  SimCallSnapshot,
} from './engine/sim-call';
export type { SimEvent } from './engine/events';
export type { PermissionStatus } from './engine/permissions';
export { createFakeMediaFactory } from './engine/fake-media';
export type { FakeCallerMedia, FakeMediaFactory } from './engine/fake-media';
export { fakeSdp } from './engine/fake-sdp';
export type { FakeSdpOptions } from './engine/fake-sdp';

export type { RecordedRequest, RequestFilter } from './graph/request-log';
export type { GraphFault } from './graph/faults';
export type {
  DeliveryAttempt,
  DeliveryFilter,
  DeliveryState,
  WebhookDelivery,
} from './webhooks/delivery-record';

export type {
  AudioSource,
  CallerMedia,
  CallerMediaFactory,
  CallerMediaOptions,
  MediaStats,
} from './media/media-endpoint';
// opus and Ogg Opus, for audio the server makes itself (the anchor's hold music)
export { OpusCodec, FRAME_SAMPLES, OPUS_SAMPLE_RATE } from './media/opus-codec';
export { readOggPages, writeOggOpus } from './media/ogg-opus';
