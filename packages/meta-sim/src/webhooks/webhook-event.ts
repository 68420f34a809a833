import type { Channel } from '../engine/sim-call';

/** an item of `calls[]`, `statuses[]`, `messages[]` or `messaging[]` as Meta writes it */
export type MetaItem = Record<string, unknown>;

/** a user in `contacts[]`: by phone (`wa_id`), or by BSUID (`user_id`, with the username) */
export interface WaContact {
  profile: { name: string; username?: string };
  wa_id?: string;
  user_id?: string;
}

export interface WaChangeValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: WaContact[];
  calls?: MetaItem[];
  statuses?: MetaItem[];
  messages?: MetaItem[];
  /** Meta's errors beside `calls` (a failed terminate carries them here and inside the call) */
  errors?: MetaItem[];
}

export interface WaEntry {
  id: string;
  changes: Array<{ field: 'calls' | 'messages'; value: WaChangeValue }>;
}

export interface MsgrEntry {
  id: string;
  time: number;
  calls?: MetaItem[];
  messaging?: MetaItem[];
}

/**
 * A Messenger `call_permission_reply` as Meta's *Business-initiated call flow* page shows it:
 * an entry of its own, `{sender, recipient, timestamp, call_permission_reply}`, with no `id`.
 */
export interface MsgrPermissionReplyEntry {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
  call_permission_reply: { response: 'approve' | 'reject'; expiration_timestamp?: number };
}

/** a webhook body as Meta sends it */
export type WebhookBody =
  | { object: 'whatsapp_business_account'; entry: WaEntry[] }
  | { object: 'page'; entry: Array<MsgrEntry | MsgrPermissionReplyEntry> };

/**
 * One thing Meta reports, wrapped in its own single-entry body. The dispatcher may send it
 * alone or batch it with others.
 */
export interface WebhookEvent {
  channel: Channel;
  /** `connect`, `terminate`, `status:RINGING`, `call_status:accepted`, `media_update`, `permission_reply` */
  kind: string;
  callId: string | null;
  body: WebhookBody;
}

/**
 * Serialises like Meta: `/` as `\/` and non-ASCII as `\uXXXX`. A receiver that re-serialises
 * the parsed body before checking the signature fails here, as it would in life.
 *
 * @example
 * encodeLikeMeta({ sdp: 'opus/48000/2' }); // '{"sdp":"opus\\/48000\\/2"}'
 */
export function encodeLikeMeta(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** unix seconds, as WhatsApp writes them (a string) */
export function waSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/** unix seconds, as Messenger writes them (an integer) */
export function msgrSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
