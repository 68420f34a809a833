import {
  isBsuid,
  waCallActionBodySchema,
  waPermissionRequestMessageSchema,
  toReadableError,
  waCallingSettingsWriteSchema,
  type WaCallPermissionsReply,
} from '@ringside/contracts';
import type { Request } from 'express';
import type { SimWhatsAppNumber } from '../engine/config';
import type { EngineContext } from '../engine/context';
import { refuse, succeed, type Outcome } from '../engine/outcome';
import { requestWhatsAppPermission } from '../engine/permission-requests';
import { whatsappCallAction } from '../engine/whatsapp-actions';
import { parseBody } from './parse-body';
import { waTemplateMessageSchema } from '@ringside/contracts/permission-template';

/**
 * `POST /{phone-number-id}/calls`.
 *
 * @example
 * const outcome = await postWhatsAppCalls(ctx, number, req);
 */
export async function postWhatsAppCalls(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
  req: Request,
): Promise<Outcome<object>> {
  const body = parseBody(waCallActionBodySchema, req.body);
  if (!body.ok) return body;
  return whatsappCallAction(ctx, number, body.value);
}

/**
 * `GET /{phone-number-id}/call_permissions?user_wa_id=` (a phone number's digits), or
 * `?recipient=` (a business-scoped user id, *Business-scoped user IDs*; `user_wa_id` wins).
 *
 * @example
 * const outcome = getWhatsAppCallPermissions(ctx, number, req);
 */
export function getWhatsAppCallPermissions(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
  req: Request,
): Outcome<WaCallPermissionsReply> {
  const phone = req.query.user_wa_id;
  const recipient = req.query.recipient;
  const user = phone ?? recipient;
  const valid =
    typeof user === 'string' && (phone === undefined ? isBsuid(user) : /^\d{6,15}$/.test(user));
  if (!valid) {
    return refuse(
      100,
      'user_wa_id (the WhatsApp id, digits) or recipient (a business-scoped user id) is required',
    );
  }
  const view = ctx.permissions.view('whatsapp', number.phoneNumberId, user);
  return succeed({
    messaging_product: 'whatsapp',
    permission: {
      status: view.status,
      ...(view.expiresAt === null ? {} : { expiration_time: Math.floor(view.expiresAt / 1000) }),
    },
    actions: view.actions,
  });
}

/**
 * `POST /{phone-number-id}/messages`: the simulator serves the call permission request only
 * (the one message calling needs), free-form (interactive) or as an approved template.
 *
 * @example
 * const outcome = postWhatsAppMessage(ctx, number, req);
 */
export function postWhatsAppMessage(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
  req: Request,
): Outcome<object> {
  const isTemplate =
    typeof req.body === 'object' &&
    req.body !== null &&
    'type' in req.body &&
    req.body.type === 'template';
  const body = isTemplate
    ? parseBody(waTemplateMessageSchema, req.body)
    : parseBody(waPermissionRequestMessageSchema, req.body);
  if (!body.ok) return body;
  return requestWhatsAppPermission(ctx, number, body.value);
}

/**
 * `GET /{phone-number-id}/settings`.
 *
 * @example
 * getWhatsAppSettings(ctx, number).value; // { calling: { status: 'ENABLED', … } }
 */
export function getWhatsAppSettings(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
): Outcome<object> {
  return succeed({ calling: ctx.settings.get(number.phoneNumberId) });
}

/**
 * `POST /{phone-number-id}/settings` with a `calling` object, checked as Meta checks it at the
 * simulator's clock (at most 2 ranges a day, none overlapping, at most 20 holidays, none past).
 * A refusal is Meta's code 100 with every problem in `error_data.details`, each as
 * `calling.<path>: <what>` joined by "; " (the wording is ours; Meta gives code 100).
 *
 * @example
 * const outcome = postWhatsAppSettings(ctx, number, req); // { success: true }
 */
export function postWhatsAppSettings(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
  req: Request,
): Outcome<object> {
  const body: unknown = req.body ?? {};
  const calling =
    typeof body === 'object' && body !== null && 'calling' in body ? body.calling : undefined;
  if (calling === undefined) return refuse(100, 'calling: the calling object is required');
  const parsed = waCallingSettingsWriteSchema(new Date(ctx.config.now())).safeParse(calling);
  if (!parsed.success) {
    const details = toReadableError(parsed.error)
      .issues.map((i) => `${i.path === '(root)' ? 'calling' : `calling.${i.path}`}: ${i.message}`)
      .join('; ');
    return refuse(100, details);
  }
  ctx.settings.update(number.phoneNumberId, parsed.data);
  return succeed({ success: true });
}
