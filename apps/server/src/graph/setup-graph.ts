import { z } from 'zod';
import type { GraphCredentials } from './graph-credentials';
import type { GraphTransport } from './graph-transport';

/** `debug_token`'s `data` (Graph API _Debug-Token_); unknown keys pass, nothing is required */
export const debugTokenReplySchema = z.looseObject({
  data: z.looseObject({
    app_id: z.string().optional(),
    type: z.string().optional(),
    is_valid: z.boolean().optional(),
    /** unix seconds; 0 means never */
    expires_at: z.number().optional(),
    scopes: z.array(z.string()).optional(),
    granular_scopes: z
      .array(z.looseObject({ scope: z.string(), target_ids: z.array(z.string()).optional() }))
      .optional(),
    profile_id: z.string().optional(),
    error: z
      .looseObject({ code: z.number().optional(), subcode: z.number().optional() })
      .optional(),
  }),
});
export type DebugTokenReply = z.infer<typeof debugTokenReplySchema>['data'];

/** `GET /{waba-id}/subscribed_apps`: the apps subscribed to the WABA's webhooks */
const wabaAppsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      whatsapp_business_api_data: z.looseObject({ id: z.string().optional() }).optional(),
    }),
  ),
});

/** `GET /{page-id}/subscribed_apps`: the apps with the Page's subscribed fields */
const pageAppsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string().optional(),
      subscribed_fields: z.array(z.string()).optional(),
    }),
  ),
});

/** `GET /{app-id}/subscriptions`: the fields the app subscribes to, per object */
const appSubscriptionsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      object: z.string(),
      active: z.boolean().optional(),
      fields: z.array(z.looseObject({ name: z.string() })).optional(),
    }),
  ),
});

/**
 * The reads an installation checks its Meta set-up with (the doctor): what a token is, who is
 * subscribed to a WABA or Page, which webhook fields the app takes, a number's messaging limit.
 * Read-only; every request names a node and an edge, as the rest of the client does.
 *
 * @example
 * const info = await setupGraph(transport).debugToken(creds); // { app_id, is_valid, granular_scopes, … }
 */
export function setupGraph(transport: GraphTransport) {
  const read = <T>(
    operation: string,
    node: string,
    edge: string,
    accessToken: string,
    reply: z.ZodType<T>,
    query?: Record<string, string>,
  ) =>
    transport.send({
      operation: `setup.${operation}`,
      method: 'GET',
      node,
      edge,
      accessToken,
      reply,
      ...(query ? { query } : {}),
    });

  return {
    /** what Meta says about the channel's own token, asked with that token */
    debugToken: async (creds: GraphCredentials): Promise<DebugTokenReply> =>
      (
        await read('debug_token', 'debug_token', '', creds.accessToken, debugTokenReplySchema, {
          input_token: creds.accessToken,
        })
      ).data,
    /** the ids of the apps subscribed to a WABA's webhooks */
    wabaSubscribedApps: async (creds: GraphCredentials, wabaId: string): Promise<string[]> =>
      (
        await read(
          'waba_subscribed_apps',
          wabaId,
          'subscribed_apps',
          creds.accessToken,
          wabaAppsSchema,
        )
      ).data.flatMap((app) => app.whatsapp_business_api_data?.id ?? []),
    /** the apps subscribed to a Page, with the Page's fields for each */
    pageSubscribedApps: async (creds: GraphCredentials) =>
      (
        await read(
          'page_subscribed_apps',
          creds.nodeId,
          'subscribed_apps',
          creds.accessToken,
          pageAppsSchema,
        )
      ).data,
    /** the app's own subscriptions; needs the app access token (`{app-id}|{app-secret}`) */
    appSubscriptions: async (appId: string, appSecret: string) =>
      (
        await read(
          'app_subscriptions',
          appId,
          'subscriptions',
          `${appId}|${appSecret}`,
          appSubscriptionsSchema,
        )
      ).data,
    /** the number's messaging limit (`TIER_2K`…); undefined when Meta does not say */
    messagingLimit: async (creds: GraphCredentials): Promise<string | undefined> =>
      (
        await read(
          'messaging_limit',
          creds.nodeId,
          '',
          creds.accessToken,
          z.looseObject({ whatsapp_business_manager_messaging_limit: z.string().optional() }),
          { fields: 'whatsapp_business_manager_messaging_limit' },
        )
      ).whatsapp_business_manager_messaging_limit,
  };
}

export type SetupGraph = ReturnType<typeof setupGraph>;
