import { z } from 'zod';
import { waCallingSettingsSchema } from './graph-whatsapp-settings';

/**
 * The day it is in `timeZone` at `now`, as `YYYY-MM-DD`.
 *
 * @example
 * todayIn('Asia/Kolkata', new Date('2026-12-07T20:00:00Z')); // '2026-12-08'
 */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The `calling` object of a settings write, checked as Meta checks it at `now`: everything
 * {@link waCallingSettingsSchema} checks, and no holiday before today in the schedule's own
 * time zone. The server (before it writes) and the simulator (as Meta) use this one schema.
 *
 * @example
 * waCallingSettingsWriteSchema(new Date()).safeParse({ call_hours: { status: 'ENABLED', timezone_id: 'UTC', holiday_schedule: [{ date: '2020-01-01', start_time: '0000', end_time: '2359' }] } }).success; // false
 */
export function waCallingSettingsWriteSchema(now: Date) {
  return waCallingSettingsSchema.superRefine((calling, ctx) => {
    const hours = calling.call_hours;
    if (!hours?.holiday_schedule) return;
    const today = todayIn(hours.timezone_id, now);
    hours.holiday_schedule.forEach((day, index) => {
      if (day.date < today) {
        ctx.addIssue({
          code: 'custom',
          message: `${day.date} is in the past (today is ${today} in ${hours.timezone_id})`,
          path: ['call_hours', 'holiday_schedule', index, 'date'],
          input: day.date,
        });
      }
    });
  });
}

/**
 * What WhatsApp's *Configure Call Settings* page says of every change: apps catch up within
 * days, while Meta applies the settings to calls at once.
 */
export const WHATSAPP_SETTINGS_CAVEAT =
  'WhatsApp users may take up to 7 days to see these changes; most see them much sooner (opening the business’s chat info page refreshes it at once). Meta applies the settings to calls right away, whatever the app shows.';

/** Messenger's `call_routing.ring_target` when calls go to Meta's own inbox, not to Ringside */
export const MESSENGER_RING_TARGET_WARNING =
  'Calls to this Page ring in Meta’s own apps (call_routing.ring_target is not PARTNERS): they will never reach Ringside. Route the Page’s calls to partner apps in Meta Business Suite.';

/**
 * `PUT /api/admin/channels/:id/call-settings` for a WhatsApp number: the `calling` object
 * written with `POST /{phone-number-id}/settings` (Meta's field names).
 */
export function adminWhatsAppCallSettingsBodySchema(now: Date) {
  return z.object({ channel: z.literal('whatsapp'), calling: waCallingSettingsWriteSchema(now) });
}

/** `PUT …/call-settings` for a Page: the one field Meta's Page call settings API writes */
export const adminMessengerCallSettingsBodySchema = z.object({
  channel: z.literal('messenger'),
  icon_enabled: z.boolean(),
});

/**
 * The body of `PUT /api/admin/channels/:id/call-settings`.
 *
 * @example
 * adminCallSettingsBodySchema(new Date()).parse({ channel: 'messenger', icon_enabled: false });
 */
export function adminCallSettingsBodySchema(now: Date) {
  return z.discriminatedUnion('channel', [
    adminWhatsAppCallSettingsBodySchema(now),
    adminMessengerCallSettingsBodySchema,
  ]);
}
export type AdminCallSettingsBody = z.infer<ReturnType<typeof adminCallSettingsBodySchema>>;

/**
 * A channel's call settings as Meta reads them now. WhatsApp: the `calling` object and Meta's
 * caveat. Messenger: the icon, the ring target and the warning when calls cannot reach us.
 *
 * @example
 * adminCallSettingsViewSchema.parse({ channel: 'messenger', iconEnabled: true, ringTarget: 'PARTNERS', ringTargetWarning: null });
 */
export const adminCallSettingsViewSchema = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('whatsapp'),
    calling: waCallingSettingsSchema,
    caveat: z.string(),
  }),
  z.object({
    channel: z.literal('messenger'),
    iconEnabled: z.boolean().nullable(),
    ringTarget: z.string().nullable(),
    ringTargetWarning: z.string().nullable(),
  }),
]);
export type AdminCallSettingsView = z.infer<typeof adminCallSettingsViewSchema>;
