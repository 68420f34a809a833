import { z } from 'zod';

/**
 * How a call ended, as the call log and outgoing events report it.
 *
 * - `completed`: both sides talked and someone hung up
 * - `missed`: nobody answered in time, or the caller gave up while ringing
 * - `declined`: an agent (or every agent) declined the inbound call
 * - `rejected`: the customer refused a business-initiated call
 * - `no-answer`: the customer never picked up a business-initiated call
 * - `failed`: Meta or the network ended it with an error
 *
 * @example
 * callOutcomeSchema.parse('missed'); // 'missed'
 */
export const callOutcomeSchema = z.enum([
  'completed',
  'missed',
  'declined',
  'rejected',
  'no-answer',
  'failed',
]);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

/**
 * The Meta product a call arrives through.
 *
 * @example
 * channelSchema.parse('whatsapp');
 */
export const channelSchema = z.enum(['whatsapp', 'messenger']);
export type Channel = z.infer<typeof channelSchema>;

/**
 * Who placed the call, from the business's point of view: `inbound` when the customer called.
 *
 * @example
 * callDirectionSchema.parse('inbound');
 */
export const callDirectionSchema = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof callDirectionSchema>;

/**
 * Where a call stands, as agents and supervisors see it.
 * `dialing` is an outbound call not yet ringing; `claimed` means an agent took it and its
 * browser is preparing media; `connecting` means Meta has our SDP and media is being set up.
 *
 * @example
 * callStateSchema.parse('active');
 */
export const callStateSchema = z.enum([
  'dialing',
  'ringing',
  'claimed',
  'connecting',
  'active',
  'ended',
]);
export type CallState = z.infer<typeof callStateSchema>;

/**
 * An agent's availability. Agents choose `available` or `away`; the server sets `busy`
 * during a call, `wrap-up` after one when the channel gives time for after-call work (not rung
 * until it ends: by its time limit, Save, or the agent choosing), and `offline` when no socket
 * is connected.
 *
 * @example
 * agentStatusSchema.parse('wrap-up');
 */
export const agentStatusSchema = z.enum(['available', 'away', 'busy', 'wrap-up', 'offline']);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/**
 * The statuses an agent may pick for themselves.
 *
 * @example
 * selectableAgentStatusSchema.safeParse('busy').success; // false
 */
export const selectableAgentStatusSchema = z.enum(['available', 'away']);
export type SelectableAgentStatus = z.infer<typeof selectableAgentStatusSchema>;

/**
 * A user's role in a workspace; each role includes what the previous one may do.
 *
 * @example
 * roleSchema.parse('supervisor');
 */
export const roleSchema = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/**
 * Live call quality as the console grades it from WebRTC stats.
 *
 * @example
 * qualityLevelSchema.parse('fair');
 */
export const qualityLevelSchema = z.enum(['good', 'fair', 'poor']);
export type QualityLevel = z.infer<typeof qualityLevelSchema>;

/**
 * How a channel rings its agents: all at once, or the longest-idle agent first.
 *
 * @example
 * ringStrategySchema.parse('longest-idle');
 */
export const ringStrategySchema = z.enum(['all', 'longest-idle']);
export type RingStrategy = z.infer<typeof ringStrategySchema>;

/**
 * After-call work a channel gives its agents once an answered call ends: none (rung again at
 * once), `timed` (not rung for the channel's `wrapUpSec`, or until Save if sooner), or
 * `until-save` (not rung until they save their notes or choose Available).
 *
 * @example
 * wrapUpModeSchema.parse('timed');
 */
export const wrapUpModeSchema = z.enum(['off', 'timed', 'until-save']);
export type WrapUpMode = z.infer<typeof wrapUpModeSchema>;

/**
 * A phone number in E.164 form with its leading `+` (`+919129950000`).
 *
 * @example
 * e164Schema.safeParse('919129950000').success; // false: Meta's form lacks the plus
 */
export const e164Schema = z.e164();
export type E164 = z.infer<typeof e164Schema>;

/**
 * An ISO 8601 instant with a UTC offset (`2025-07-21T16:27:13.000Z`).
 *
 * @example
 * isoDateTimeSchema.parse(new Date(0).toISOString());
 */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;

/**
 * Turns a WhatsApp id or number as Meta writes it (`919129950000`) into E.164 (`+919129950000`).
 * Returns `undefined` when the input is not a plausible phone number.
 *
 * @example
 * toE164('919129950000'); // '+919129950000'
 * toE164('+44 20 7946 0000'); // '+442079460000'
 * toE164('c_123'); // undefined
 */
export function toE164(number: string): E164 | undefined {
  // meta omits the plus; people type spaces, dashes and brackets
  const digits = number.replace(/[\s\-().]/g, '').replace(/^\+/, '');
  const candidate = `+${digits}`;
  return e164Schema.safeParse(candidate).success ? candidate : undefined;
}
