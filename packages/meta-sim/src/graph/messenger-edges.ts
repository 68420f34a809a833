import { msgrCallActionBodySchema, msgrCallSettingsBodySchema } from '@ringside/contracts';
import type { Request } from 'express';
import type { SimMessengerPage } from '../engine/config';
import type { EngineContext } from '../engine/context';
import { messengerCallAction } from '../engine/messenger-actions';
import { refuse, succeed, type Outcome } from '../engine/outcome';
import { requestMessengerPermission } from '../engine/permission-requests';
import type { PermissionAction } from '../engine/permissions';
import { msgrPermissionRequestBodySchema } from './messenger-permission-request';
import { parseBody } from './parse-body';

/**
 * `POST /{page-id}/calls`.
 *
 * @example
 * const outcome = await postMessengerCalls(ctx, page, req);
 */
export async function postMessengerCalls(
  ctx: EngineContext,
  page: SimMessengerPage,
  req: Request,
): Promise<Outcome<object>> {
  const body = parseBody(msgrCallActionBodySchema, req.body);
  if (!body.ok) return body;
  return messengerCallAction(ctx, page, body.value);
}

/**
 * `GET /{page-id}/messenger_call_permissions?psid=`, in the shape of Meta's example
 * (*Check and obtain call permissions*): `has_permission|no_permission` with `expiration_time`
 * while granted, and both actions with `can_perform`; the request action carries its limit
 * (`PT24H`, `max_allowed` 2, `current_usage`).
 *
 * @example
 * getMessengerCallPermissions(ctx, page, req).value; // { permission: { status: 'no_permission' }, actions: [...] }
 */
export function getMessengerCallPermissions(
  ctx: EngineContext,
  page: SimMessengerPage,
  req: Request,
): Outcome<object> {
  const psid = req.query.psid;
  if (typeof psid !== 'string' || !/^\d{1,20}$/.test(psid)) {
    return refuse(100, 'psid is required: the page-scoped id (digits) of the user');
  }
  const view = ctx.permissions.view('messenger', page.pageId, psid);
  const action = (name: PermissionAction['action_name']) =>
    view.actions.find((a) => a.action_name === name);
  const request = action('send_call_permission_request');
  return succeed({
    permission: {
      status: view.status === 'no_permission' ? 'no_permission' : 'has_permission',
      ...(view.expiresAt === null ? {} : { expiration_time: Math.floor(view.expiresAt / 1000) }),
    },
    actions: [
      {
        action_name: 'send_call_permission_request',
        can_perform: request?.can_perform_action ?? false,
        limits: (request?.limits ?? []).map(({ time_period, max_allowed, current_usage }) => ({
          time_period,
          max_allowed,
          current_usage,
        })),
      },
      { action_name: 'start_call', can_perform: action('start_call')?.can_perform_action ?? false },
    ],
  });
}

/**
 * `POST /{page-id}/messages`: the calling opt-in request only.
 *
 * @example
 * const outcome = postMessengerMessage(ctx, page, req); // { recipient_id, message_id }
 */
export function postMessengerMessage(
  ctx: EngineContext,
  page: SimMessengerPage,
  req: Request,
): Outcome<object> {
  const body = parseBody(msgrPermissionRequestBodySchema, req.body);
  if (!body.ok) return body;
  return requestMessengerPermission(ctx, page, body.value.recipient.id);
}

/**
 * `GET /{page-id}/messenger_call_settings`: the Page's icon, audio and call routing, as a bare
 * object (the fields meta-calling.md §3.4 names; Meta's *Call Settings* page shows only the POST).
 *
 * @example
 * getMessengerCallSettings(ctx, page).value; // { icon_enabled: true, audio_enabled: true, call_routing: { ring_target: 'PARTNERS' } }
 */
export function getMessengerCallSettings(
  ctx: EngineContext,
  page: SimMessengerPage,
): Outcome<object> {
  return succeed(ctx.messengerSettings.get(page.pageId));
}

/**
 * `POST /{page-id}/messenger_call_settings {icon_enabled}` (Messenger *Call Settings*): answers
 * `{"result":"success"}`; a body without a boolean `icon_enabled` is code 100.
 *
 * @example
 * postMessengerCallSettings(ctx, page, req).value; // { result: 'success' }
 */
export function postMessengerCallSettings(
  ctx: EngineContext,
  page: SimMessengerPage,
  req: Request,
): Outcome<object> {
  const body = parseBody(msgrCallSettingsBodySchema, req.body);
  if (!body.ok) return body;
  ctx.messengerSettings.update(page.pageId, { icon_enabled: body.value.icon_enabled });
  return succeed({ result: 'success' });
}
