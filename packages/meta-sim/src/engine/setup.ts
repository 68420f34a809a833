/**
 * Meta's messaging limit of a number's business portfolio, as
 * `whatsapp_business_manager_messaging_limit` reads it (WhatsApp _Messaging limits_).
 */
export type MessagingLimitTier =
  'TIER_50' | 'TIER_250' | 'TIER_2K' | 'TIER_10K' | 'TIER_100K' | 'TIER_UNLIMITED';

/** the webhook objects whose fields an app subscribes to (`/{app-id}/subscriptions`) */
export type WebhookObject = 'whatsapp_business_account' | 'page';

/**
 * How the business's Meta set-up looks, for the checks an installation runs before calls
 * (`debug_token`, `subscribed_apps`, `/{app-id}/subscriptions`, the messaging limit). The
 * defaults are a healthy set-up; each other value reproduces one way it goes wrong.
 */
export interface SimSetup {
  /** the Meta app every configured token belongs to */
  appId: string;
  appName: string;
  /** tokens Meta says have expired: every request with one is refused with 190 (subcode 463) */
  expiredTokens: string[];
  /**
   * tokens valid, but whose `granular_scopes` name other targets than their own WABA or Page
   * (a system user not given that asset)
   */
  tokensLackingTarget: string[];
  /** the fields the app subscribes to for each webhook object */
  appFields: Record<WebhookObject, string[]>;
  /** WABAs the app is not subscribed to (`GET /{waba-id}/subscribed_apps` answers `data: []`) */
  unsubscribedWabas: string[];
  /** Pages' own subscribed fields for the app, by Page id; default: calls, messages, call_permission_reply */
  pageFields: Record<string, string[]>;
  /** messaging limits by phone number id; default TIER_2K */
  messagingLimits: Record<string, MessagingLimitTier>;
  /** phone number ids whose calling starts DISABLED */
  callingDisabled: string[];
  /** Page ids whose calls ring in Meta's own apps (`ring_target: META`) */
  metaRingTarget: string[];
}

/** the app the simulator's tokens belong to */
export const SIM_APP_ID = '1690000000000001';

/** what `createMetaSim({ setup })` takes: any part of {@link SimSetup}, app fields per object */
export type SimSetupOptions = Partial<Omit<SimSetup, 'appFields'>> & {
  appFields?: Partial<Record<WebhookObject, string[]>>;
};

export const DEFAULT_WHATSAPP_APP_FIELDS = ['calls', 'messages'];
export const DEFAULT_PAGE_FIELDS = ['calls', 'messages', 'call_permission_reply'];

/**
 * Fills in a healthy set-up where nothing was said.
 *
 * @example
 * resolveSetup({ callingDisabled: ['115017831530658'] }).appFields.page; // ['calls', 'messages', 'call_permission_reply']
 */
export function resolveSetup(options: SimSetupOptions = {}): SimSetup {
  return {
    appId: options.appId ?? SIM_APP_ID,
    appName: options.appName ?? 'Ringside (simulated)',
    expiredTokens: options.expiredTokens ?? [],
    tokensLackingTarget: options.tokensLackingTarget ?? [],
    appFields: {
      whatsapp_business_account:
        options.appFields?.whatsapp_business_account ?? DEFAULT_WHATSAPP_APP_FIELDS,
      page: options.appFields?.page ?? DEFAULT_PAGE_FIELDS,
    },
    unsubscribedWabas: options.unsubscribedWabas ?? [],
    pageFields: options.pageFields ?? {},
    messagingLimits: options.messagingLimits ?? {},
    callingDisabled: options.callingDisabled ?? [],
    metaRingTarget: options.metaRingTarget ?? [],
  };
}
