import { z } from 'zod';

/**
 * `GET /api/admin/meta-webhook`: what to paste into Meta's app dashboard. The verify token is
 * shown; the app secret never is: only whether one is stored here, which one is in force, and why.
 *
 * The rule: a secret stored here is in force only while the server hosts exactly one workspace;
 * otherwise the server's `META_APP_SECRET` is (one workspace's admin must not sign webhooks for
 * another's numbers). With neither, every webhook is refused.
 *
 * @example
 * metaWebhookSettingsViewSchema.parse({ callbackUrl: 'https://ringside.example.com/webhooks/meta',
 *   verifyToken: 'k3…', appSecretSet: true, appSecretSource: 'environment',
 *   appSecretReason: 'several-workspaces', appSecretStored: true });
 */
export const metaWebhookSettingsViewSchema = z.object({
  callbackUrl: z.string(),
  verifyToken: z.string(),
  /** whether webhooks can be verified at all */
  appSecretSet: z.boolean(),
  /** in force: `settings`, the one stored here; `environment`, `META_APP_SECRET`; `none`: neither */
  appSecretSource: z.enum(['settings', 'environment', 'none']),
  /**
   * why: `one-workspace`, the stored one rules because this server hosts one workspace;
   * `several-workspaces`, only the server's may (a stored one is ignored); `none-stored`, one
   * workspace but nothing stored here
   */
  appSecretReason: z.enum(['one-workspace', 'several-workspaces', 'none-stored']),
  /** whether a secret is stored here (in force or not); the secret itself never leaves the server */
  appSecretStored: z.boolean(),
  /** when the stored secret last changed */
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});
export type MetaWebhookSettingsView = z.infer<typeof metaWebhookSettingsViewSchema>;

/**
 * `PUT /api/admin/meta-webhook`: sets the app secret (write-only), or `null` to fall back to
 * the server's `META_APP_SECRET`. Refused (403) while the server hosts several workspaces.
 *
 * @example
 * metaWebhookSettingsBodySchema.parse({ appSecret: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' });
 */
export const metaWebhookSettingsBodySchema = z.object({
  appSecret: z.string().trim().min(16).max(256).nullable(),
});
export type MetaWebhookSettingsBody = z.infer<typeof metaWebhookSettingsBodySchema>;
