import { waPermissionReply } from '../webhooks/whatsapp-events';
import { findNumber, type EngineContext } from './context';
import { newMessageId } from './ids';
import { TEMPORARY_PERMISSION_MS, type PermissionStatus } from './permissions';
import type { Channel, SimCall } from './sim-call';

// permission changes the user makes without answering a request (*Obtain user call
// permissions*, WhatsApp; *Check and obtain call permissions*, Messenger). WhatsApp reports
// each as a call_permission_reply message; only the callback permission carries a context,
// the wacid of the call that granted it.

/**
 * A WhatsApp user who calls a number with callback permission enabled grants a temporary
 * permission; Meta reports it with `context.id` = the call's wacid.
 *
 * @example
 * if (ctx.settings.callbackPermissionEnabled(numberId)) grantCallbackPermission(ctx, call);
 */
export function grantCallbackPermission(ctx: EngineContext, call: SimCall): void {
  const now = ctx.config.now();
  const expiresAt = now + TEMPORARY_PERMISSION_MS;
  change(ctx, call.channel, call.businessId, call.userId, 'temporary', expiresAt);
  const number = findNumber(ctx, call.businessId);
  if (!number) return;
  ctx.send(
    waPermissionReply(
      number,
      {
        userId: call.userId,
        userName: call.userName,
        contextId: call.id,
        messageId: newMessageId(),
        response: 'accept',
        isPermanent: false,
        expiresAt,
        source: 'automatic',
      },
      now,
    ),
  );
}

/**
 * A WhatsApp user turns calls on for good from the business profile: a permanent permission,
 * reported without `context` (it answers no request).
 *
 * @example
 * grantFromProfile(ctx, '115017831530658', '447700900123', 'Rahul');
 */
export function grantFromProfile(
  ctx: EngineContext,
  businessId: string,
  userId: string,
  userName: string,
): void {
  const number = findNumber(ctx, businessId);
  if (!number) throw new Error(`no WhatsApp number "${businessId}" in the simulator`);
  change(ctx, 'whatsapp', number.phoneNumberId, userId, 'permanent', null);
  ctx.send(
    waPermissionReply(
      number,
      {
        userId,
        userName,
        contextId: null,
        messageId: newMessageId(),
        response: 'accept',
        isPermanent: true,
        expiresAt: null,
        source: 'user_action',
      },
      ctx.config.now(),
    ),
  );
}

/**
 * After 4 business-initiated calls in a row the user did not answer or rejected, WhatsApp
 * revokes the permission and says so with `response:"reject", response_source:"automatic"`
 * and no `context`.
 *
 * @example
 * if (ctx.permissions.recordMissed('whatsapp', biz, user) === 'revoked') reportAutomaticRevoke(ctx, call);
 */
export function reportAutomaticRevoke(ctx: EngineContext, call: SimCall): void {
  ctx.config.emit({
    type: 'permission',
    channel: call.channel,
    businessId: call.businessId,
    userId: call.userId,
    status: 'no_permission',
  });
  const number = call.channel === 'whatsapp' ? findNumber(ctx, call.businessId) : undefined;
  if (!number) return;
  ctx.send(
    waPermissionReply(
      number,
      {
        userId: call.userId,
        userName: call.userName,
        contextId: null,
        messageId: newMessageId(),
        response: 'reject',
        isPermanent: null,
        expiresAt: null,
        source: 'automatic',
      },
      ctx.config.now(),
    ),
  );
}

/**
 * Messenger grants permission implicitly (7 days) when the customer calls the Page and the
 * call connects or is missed. Meta documents no webhook for it: the permission check shows it.
 *
 * @example
 * grantImplicitMessengerPermission(ctx, call);
 */
export function grantImplicitMessengerPermission(ctx: EngineContext, call: SimCall): void {
  change(ctx, 'messenger', call.businessId, call.userId, 'temporary', null);
}

function change(
  ctx: EngineContext,
  channel: Channel,
  businessId: string,
  userId: string,
  status: PermissionStatus,
  expiresAt: number | null,
): void {
  // a temporary grant never shortens a permanent one
  if (status === 'temporary' && ctx.permissions.status(channel, businessId, userId) === 'permanent')
    return;
  ctx.permissions.set(channel, businessId, userId, status, expiresAt);
  ctx.config.emit({ type: 'permission', channel, businessId, userId, status });
}
