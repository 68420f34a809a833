import type { CallerMediaFactory, MediaStats } from '../media/media-endpoint';
import type { WebhookEvent } from '../webhooks/webhook-event';
import type { CallStore } from './call-store';
import type { CalleeBehaviour, SimConfig, SimMessengerPage, SimWhatsAppNumber } from './config';
import type { PermissionBook } from './permissions';
import type { CallingSettingsBook } from './calling-settings';
import type { MessengerCallSettingsBook } from './messenger-call-settings';
import type { TimerSet } from './timers';
import type { ServiceWindowBook } from './service-window';

/** what every engine step may use; one per simulator, never global */
export interface EngineContext {
  config: SimConfig;
  media: CallerMediaFactory;
  store: CallStore;
  permissions: PermissionBook;
  /** when each user last messaged or called each number (the customer service window) */
  serviceWindows: ServiceWindowBook;
  settings: CallingSettingsBook;
  /** each Page's call settings (icon, ring target) */
  messengerSettings: MessengerCallSettingsBook;
  timers: TimerSet;
  send: (event: WebhookEvent) => void;
  /** per-call cleanups (timers, watchers), run when the call ends */
  cleanups: Map<string, Array<() => void>>;
  /** per-user overrides of how a business-initiated call is answered */
  callees: Map<string, Partial<CalleeBehaviour>>;
  /** recordings and transcripts Meta made, by media id (served by `GET /{media-id}`) */
  mediaFiles: Map<string, SimMediaFile>;
}

/** one file Meta keeps for a business: a recording or a transcript */
export interface SimMediaFile {
  readonly id: string;
  readonly businessId: string;
  readonly callId: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
}

export function findNumber(ctx: EngineContext, id: string): SimWhatsAppNumber | undefined {
  return ctx.config.numbers.find((n) => n.phoneNumberId === id || n.displayPhoneNumber === id);
}

export function findPage(ctx: EngineContext, id: string): SimMessengerPage | undefined {
  return ctx.config.pages.find((p) => p.pageId === id);
}

/** registers something to undo when the call ends */
export function onEnd(ctx: EngineContext, callId: string, cleanup: () => void): void {
  const list = ctx.cleanups.get(callId) ?? [];
  list.push(cleanup);
  ctx.cleanups.set(callId, list);
}

export function calleeBehaviour(ctx: EngineContext, userId: string): CalleeBehaviour {
  return { ...ctx.config.callee, ...ctx.callees.get(userId) };
}

/** a caller without media yet (Messenger before accept) */
export const NO_MEDIA_STATS: MediaStats = {
  connected: false,
  packetsReceived: 0,
  bytesReceived: 0,
  firstPacketAt: null,
  lastPacketAt: null,
  audioLevel: 0,
  peakAudioLevel: 0,
  packetsSent: 0,
  dtmf: '',
};
