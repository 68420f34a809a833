import { z } from 'zod';

/**
 * `GET /api/admin/meta-webhook`: what to paste into Meta's app dashboard. The verify token is
 * shown; the app secret never is (`appSecretSet`, and where the one in use comes from).
 *
 * @example
 * metaWebhookSettingsViewSchema.parse({ callbackUrl: 'https://ringside.example.com/webhooks/meta',
 *   verifyToken: 'k3…', appSecretSet: true, appSecretSource: 'settings' });
 */
export const metaWebhookSettingsViewSchema = z.object({
  callbackUrl: z.string(),
  verifyToken: z.string(),
  appSecretSet: z.boolean(),
  /** `settings`: set here (preferred); `environment`: `META_APP_SECRET`; `none`: neither */
  appSecretSource: z.enum(['settings', 'environment', 'none']),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});
export type MetaWebhookSettingsView = z.infer<typeof metaWebhookSettingsViewSchema>;

/**
 * `PUT /api/admin/meta-webhook`: sets the app secret (write-only), or `null` to fall back to
 * the server's `META_APP_SECRET`.
 *
 * @example
 * metaWebhookSettingsBodySchema.parse({ appSecret: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' });
 */
export const metaWebhookSettingsBodySchema = z.object({
  appSecret: z.string().trim().min(16).max(256).nullable(),
});
export type MetaWebhookSettingsBody = z.infer<typeof metaWebhookSettingsBodySchema>;
