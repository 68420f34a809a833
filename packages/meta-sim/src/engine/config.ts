import type { CallerMediaFactory, CallerMediaOptions } from '../media/media-endpoint';
import type { SimEvent } from './events';
import { resolveSetup, type SimSetup, type SimSetupOptions } from './setup';
import { DEFAULT_PERMISSION_TEMPLATE, type SimTemplate } from './templates';

/** a WhatsApp business phone number the simulator serves */
export interface SimWhatsAppNumber {
  phoneNumberId: string;
  wabaId: string;
  /** digits only, no "+", as Meta writes `display_phone_number` */
  displayPhoneNumber: string;
  accessToken: string;
}

/** a Facebook Page the simulator serves */
export interface SimMessengerPage {
  pageId: string;
  name: string;
  accessToken: string;
}

/** Meta's clocks; every value in milliseconds */
export interface SimTimeouts {
  /**
   * a WhatsApp call nobody accepts ends "not answered" after this (Meta: roughly 30 to 60 s);
   * also how long the callee's phone rings on a business-initiated call, either channel
   */
  ringMs: number;
  /** the business has this long to accept a Messenger user's call (*Consumer to Business Calling*: 60 s) */
  messengerAcceptMs: number;
  /** no media from the business this long after accept ends the call FAILED 138021 */
  mediaStartMs: number;
  /** this long without a packet mid-call ends the call FAILED 138021 */
  mediaIdleMs: number;
  /** how often the caller's media stats are read */
  mediaPollMs: number;
}

/** how the person called by a business-initiated call behaves */
export interface CalleeBehaviour {
  answer: 'accept' | 'reject' | 'none';
  pickupDelayMs: number;
  /** the WhatsApp profile name the connect webhook reports */
  name?: string;
}

/** how a user answers a call permission request */
export interface PermissionReplyBehaviour {
  response: 'accept' | 'reject' | 'none';
  permanent: boolean;
  delayMs: number;
}

export interface WebhookRetryOptions {
  /** first retry waits this long, then doubles */
  baseDelayMs: number;
  maxDelayMs: number;
  /** attempts in all, the first included */
  maxAttempts: number;
  /** one attempt is abandoned after this (Meta: about 20 s) */
  timeoutMs: number;
}

/** switches that make delivery as messy as Meta's */
export interface WebhookInjection {
  /** probability 0..1 that a delivery is sent twice */
  duplicates: number;
  /** deliveries held together within `holdMs` go out newest first */
  reorder: boolean;
  /** deliveries held together within `holdMs` go out as one body */
  batch: boolean;
  holdMs: number;
  /** every delivery waits this long before its first attempt */
  delayMs: number;
}

export interface SimQuirks {
  /** Meta's answer in a business-initiated connect says `a=setup:actpass` (seen in the field) */
  actpassInAnswer: boolean;
  /** WhatsApp terminate `status` casing: COMPLETED (upper) or Completed (title) */
  whatsappStatusCase: 'upper' | 'title';
  /**
   * a call dropped for no media ends `COMPLETED` with no error (one field report) instead of
   * Meta's `FAILED` with 138021 inside and beside `calls`
   */
  noMediaDropCompleted: boolean;
  /**
   * WhatsApp `pre_accept`/`accept`/`reject`/`terminate` answer a bare `{"success":true}`, as
   * Meta's call-flow examples show, instead of the reference tables' reply with
   * `messaging_product`
   */
  bareSuccess: boolean;
}

/** everything `createMetaSim` accepts; every field is optional */
export interface MetaSimOptions {
  appSecret?: string;
  /** where signed webhooks are POSTed; null records them without sending */
  webhookUrl?: string | null;
  /** the version `listen()` reports; any well-formed `vNN.N` path is served, as Meta does */
  graphVersion?: string;
  numbers?: SimWhatsAppNumber[];
  pages?: SimMessengerPage[];
  timeouts?: Partial<SimTimeouts>;
  webhooks?: { retry?: Partial<WebhookRetryOptions> } & Partial<WebhookInjection>;
  callee?: Partial<CalleeBehaviour>;
  permissionReply?: Partial<PermissionReplyBehaviour>;
  /** the account's approved message templates; default: one call permission template */
  approvedTemplates?: SimTemplate[];
  /**
   * `enforced` (default, as Meta does): a free-form message (the interactive call permission
   * request) to a user who has not messaged or called the number in the last 24 hours is
   * refused with 131047; only an approved template may start the conversation. `always-open`
   * (not Meta's behaviour): every user is inside the window.
   */
  customerServiceWindow?: 'always-open' | 'enforced';
  quirks?: Partial<SimQuirks>;
  /** the business's Meta set-up (tokens, subscriptions, limits); default: healthy (engine/setup.ts) */
  setup?: SimSetupOptions;
  /** the caller's WebRTC endpoint; default: werift */
  media?: CallerMediaFactory;
  /** defaults for every caller (audio source, echo, host) */
  callerMedia?: CallerMediaOptions;
  /** Meta's recording and transcript of a call that opted in (see engine/call-media.ts) */
  callMedia?: Partial<SimCallMediaOptions>;
  /** epoch ms; drives webhook timestamps and permission expiry */
  now?: () => number;
  /** 0..1, drives duplicate injection */
  random?: () => number;
  /** sees everything that happens (the CLI prints these) */
  onEvent?: (event: SimEvent) => void;
}

/**
 * What the simulator makes of a call opted into recording or transcription. It cannot recognise
 * speech: the transcript is these lines, the caller and the business in turn.
 */
export interface SimCallMediaOptions {
  transcriptLines: string[];
  /** Meta reports a failure instead of a media id (the failure path) */
  fail: boolean;
}

export const DEFAULT_CALL_MEDIA: SimCallMediaOptions = {
  transcriptLines: [
    'Hello, I am calling about my order.',
    'Thanks for calling. Can you tell me the order number?',
    'It is four two seven one.',
    'I see it here. It ships tomorrow.',
  ],
  fail: false,
};

/** options with every default filled in */
export interface SimConfig {
  appSecret: string;
  webhookUrl: string | null;
  graphVersion: string;
  numbers: SimWhatsAppNumber[];
  pages: SimMessengerPage[];
  timeouts: SimTimeouts;
  retry: WebhookRetryOptions;
  injection: WebhookInjection;
  callee: CalleeBehaviour;
  permissionReply: PermissionReplyBehaviour;
  approvedTemplates: SimTemplate[];
  customerServiceWindow: 'always-open' | 'enforced';
  quirks: SimQuirks;
  setup: SimSetup;
  callerMedia: CallerMediaOptions;
  callMedia: SimCallMediaOptions;
  now: () => number;
  random: () => number;
  emit: (event: SimEvent) => void;
}

/** the demo WhatsApp number; ids match the shared fixtures, the token is a public demo value */
export const DEMO_WHATSAPP_NUMBER: SimWhatsAppNumber = {
  phoneNumberId: '115017831530658',
  wabaId: '114255454940862',
  displayPhoneNumber: '15550100100',
  accessToken: 'sim-demo-token-whatsapp',
};

/** the demo Facebook Page; ids match the shared fixtures */
export const DEMO_MESSENGER_PAGE: SimMessengerPage = {
  pageId: '106378625516323',
  name: 'Ringside Demo',
  accessToken: 'sim-demo-token-messenger',
};

export const DEFAULT_APP_SECRET = 'ringside-sim-app-secret';
export const DEFAULT_GRAPH_VERSION = 'v24.0';

export const DEFAULT_TIMEOUTS: SimTimeouts = {
  ringMs: 45_000,
  messengerAcceptMs: 60_000,
  mediaStartMs: 20_000,
  mediaIdleMs: 30_000,
  mediaPollMs: 250,
};

/**
 * Fills in defaults. Throws on a malformed option: a misconfigured simulator must not start.
 *
 * @example
 * const config = resolveConfig({ timeouts: { ringMs: 500 } });
 * config.timeouts.mediaStartMs; // 20000
 */
export function resolveConfig(options: MetaSimOptions = {}): SimConfig {
  const graphVersion = options.graphVersion ?? DEFAULT_GRAPH_VERSION;
  if (!GRAPH_VERSION.test(graphVersion)) {
    throw new Error(`graphVersion must look like v24.0, got "${graphVersion}"`);
  }
  const webhookUrl = options.webhookUrl ?? null;
  if (webhookUrl !== null) assertHttpUrl(webhookUrl);
  const numbers = options.numbers ?? [DEMO_WHATSAPP_NUMBER];
  const pages = options.pages ?? [DEMO_MESSENGER_PAGE];
  assertUniqueIds([...numbers.map((n) => n.phoneNumberId), ...pages.map((p) => p.pageId)]);
  const { retry, ...injection } = options.webhooks ?? {};
  const onEvent = options.onEvent;
  return {
    appSecret: options.appSecret ?? DEFAULT_APP_SECRET,
    webhookUrl,
    graphVersion,
    numbers,
    pages,
    timeouts: positive({ ...DEFAULT_TIMEOUTS, ...options.timeouts }),
    retry: positive({
      baseDelayMs: 1_000,
      maxDelayMs: 60_000,
      maxAttempts: 8,
      timeoutMs: 20_000,
      ...retry,
    }),
    injection: {
      duplicates: 0,
      reorder: false,
      batch: false,
      holdMs: 100,
      delayMs: 0,
      ...injection,
    },
    callee: { answer: 'accept', pickupDelayMs: 2_000, ...options.callee },
    permissionReply: {
      response: 'accept',
      permanent: false,
      delayMs: 1_000,
      ...options.permissionReply,
    },
    approvedTemplates: options.approvedTemplates ?? [DEFAULT_PERMISSION_TEMPLATE],
    customerServiceWindow: options.customerServiceWindow ?? 'enforced',
    quirks: {
      actpassInAnswer: false,
      whatsappStatusCase: 'upper',
      noMediaDropCompleted: false,
      bareSuccess: false,
      ...options.quirks,
    },
    setup: resolveSetup(options.setup),
    callerMedia: options.callerMedia ?? {},
    callMedia: { ...DEFAULT_CALL_MEDIA, ...options.callMedia },
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    // a throwing observer must not break the simulator
    emit: (event) => {
      try {
        onEvent?.(event);
      } catch {
        /* the observer's problem */
      }
    },
  };
}

const GRAPH_VERSION = /^v\d+\.\d+$/;

/** true for a Graph path segment such as `v24.0` */
export function isGraphVersion(segment: string): boolean {
  return GRAPH_VERSION.test(segment);
}

function assertHttpUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`webhookUrl is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`webhookUrl must be http(s), got "${url.protocol}"`);
  }
}

function assertUniqueIds(ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`phone number and page ids must be unique: "${id}" repeats`);
    seen.add(id);
  }
}

function positive<T extends object>(values: T): T {
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`${key} must be a positive number, got ${String(value)}`);
    }
  }
  return values;
}
