import { z } from 'zod';

/**
 * `POST /{page-id}/messenger_call_settings`: the call icon in the Page's Messenger threads
 * (Messenger *Call Settings*; the only field that page writes).
 *
 * @example
 * msgrCallSettingsBodySchema.parse({ icon_enabled: false });
 */
export const msgrCallSettingsBodySchema = z.looseObject({ icon_enabled: z.boolean() });
export type MsgrCallSettingsBody = z.infer<typeof msgrCallSettingsBodySchema>;

/**
 * The reply to that POST: `{"result":"success"}`, or `failure` when Meta could not set it.
 *
 * @example
 * msgrCallSettingsReplySchema.parse({ result: 'success' });
 */
export const msgrCallSettingsReplySchema = z.looseObject({
  result: z.enum(['success', 'failure']),
});

// a Graph edge may answer { data: [ … ] } or the bare object
function unwrapEdge(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('data' in json)) return json;
  const data = (json as { data: unknown }).data;
  return Array.isArray(data) ? (data[0] ?? {}) : json;
}

/**
 * `GET /{page-id}/messenger_call_settings`: what Ringside reads of a Page's call settings. Every
 * field is optional (meta-calling.md §3.4 names them; Meta's *Call Settings* page shows only the
 * POST): `icon_enabled`, `audio_enabled`, `call_hours`, and `call_routing.ring_target`, where only
 * `PARTNERS` delivers calls to partner apps such as Ringside.
 *
 * @example
 * msgrCallSettingsReadSchema.parse({ data: [{ icon_enabled: true, call_routing: { ring_target: 'PARTNERS' } }] });
 */
export const msgrCallSettingsReadSchema = z.preprocess(
  unwrapEdge,
  z.looseObject({
    icon_enabled: z.boolean().optional(),
    audio_enabled: z.boolean().optional(),
    call_hours: z.unknown().optional(),
    call_routing: z.looseObject({ ring_target: z.string().optional() }).optional(),
  }),
);
export type MsgrCallSettingsRead = z.infer<typeof msgrCallSettingsReadSchema>;
