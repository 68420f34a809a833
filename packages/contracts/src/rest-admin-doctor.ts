import { z } from 'zod';

/** how one check came out: `fail` stops calls, `warn` is worth fixing, `ok` is fine */
export const doctorStatusSchema = z.enum(['ok', 'warn', 'fail']);
export type DoctorStatus = z.infer<typeof doctorStatusSchema>;

/** what a check looks at: Meta's answers for one channel, or the installation itself */
export const doctorCheckIdSchema = z.enum([
  'token',
  'token-target',
  'webhook-subscription',
  'webhook-fields',
  'calling-enabled',
  'messaging-limit',
  'ring-target',
  'public-origin',
  'turn',
  'webhook-reachable',
]);
export type DoctorCheckId = z.infer<typeof doctorCheckIdSchema>;

/**
 * One check's result in plain words. `channel` is null for the installation's own checks
 * (public origin, TURN, the webhook URL). Never carries a token or secret.
 *
 * @example
 * doctorCheckSchema.parse({ id: 'calling-enabled', status: 'fail',
 *   channel: { id: 'ch_1', kind: 'whatsapp', name: 'Support line' },
 *   message: 'Calling is switched off on this number.',
 *   fix: 'Turn calling on in the channel’s call settings (Admin → Channels → Call settings).' });
 */
export const doctorCheckSchema = z.object({
  id: doctorCheckIdSchema,
  status: doctorStatusSchema,
  channel: z
    .object({ id: z.string(), kind: z.enum(['whatsapp', 'messenger']), name: z.string() })
    .nullable(),
  message: z.string(),
  /** what to do about it; null when nothing needs doing */
  fix: z.string().nullable(),
});
export type DoctorCheck = z.infer<typeof doctorCheckSchema>;

/**
 * `GET /api/admin/doctor` (and `pnpm ringside doctor --json`): every check, and whether calls
 * can flow (no check failed).
 *
 * @example
 * doctorReportSchema.parse({ checkedAt: '2026-12-07T10:00:00.000Z', callsCanFlow: true, checks: [] });
 */
export const doctorReportSchema = z.object({
  checkedAt: z.iso.datetime({ offset: true }),
  callsCanFlow: z.boolean(),
  checks: z.array(doctorCheckSchema),
});
export type DoctorReport = z.infer<typeof doctorReportSchema>;
