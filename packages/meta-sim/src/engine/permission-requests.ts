import type { WaTemplateMessage } from '@ringside/contracts/permission-template';
import {
  isBsuid,
  type WaMessageSentReply,
  type WaPermissionRequestMessage,
} from '@ringside/contracts';
import { randomBytes } from 'node:crypto';
import { msgrPermissionReply } from '../webhooks/messenger-events';
import { waPermissionReply } from '../webhooks/whatsapp-events';
import type { SimMessengerPage, SimWhatsAppNumber } from './config';
import { calleeBehaviour, type EngineContext } from './context';
import { newMessageId } from './ids';
import { refuse, succeed, type Outcome } from './outcome';
import { TEMPORARY_PERMISSION_MS } from './permissions';
import { templateRefusal } from './templates';
import { DEFAULT_CALLEE_NAME } from './outbound';

/**
 * A call permission request message: checks Meta's limits, records the request, then the user
 * answers after a delay as configured (accept, reject, or never) with a
 * `call_permission_reply` webhook.
 *
 * @example
 * const outcome = requestWhatsAppPermission(ctx, number, body);
 * if (outcome.ok) outcome.value.messages[0].id; // the reply's context.id
 */
export function requestWhatsAppPermission(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
  body: WaPermissionRequestMessage | WaTemplateMessage,
): Outcome<WaMessageSentReply> {
  const businessId = number.phoneNumberId;
  // a phone number in `to` (it wins when both are sent), or a business-scoped user id in
  // `recipient` (*Business-scoped user IDs*)
  const userId = body.to ?? body.recipient;
  if (userId === undefined) {
    return refuse(100, 'to or recipient is required: the user’s phone number or BSUID');
  }
  if (body.type === 'template') {
    // an approved template may start a conversation; Meta checks it exists in that language
    const missing = templateRefusal(ctx.config, body.template.name, body.template.language.code);
    if (missing) return { ok: false, error: missing };
  } else if (
    ctx.config.customerServiceWindow === 'enforced' &&
    !ctx.serviceWindows.isOpen(businessId, userId)
  ) {
    // *User call permissions*: the free-form request is for an open customer service window
    return refuse(
      131047,
      `more than 24 hours have passed since ${userId} last messaged or called this number; send a template`,
    );
  }
  const refusal = ctx.permissions.refuseRequest('whatsapp', businessId, userId);
  if (refusal === 138017)
    return refuse(138017, `user ${userId} has already granted permanent permission`);
  if (refusal !== null)
    return refuse(refusal, `permission request limit reached for user ${userId}`);
  ctx.permissions.recordRequest('whatsapp', businessId, userId);
  const requestId = newMessageId();
  const behaviour = ctx.config.permissionReply;
  if (behaviour.response !== 'none') {
    const response = behaviour.response;
    ctx.timers.after(behaviour.delayMs, () => {
      const now = ctx.config.now();
      // the user's reply is a message from them: it opens the customer service window
      ctx.serviceWindows.userReached(businessId, userId);
      const expiresAt =
        response === 'accept' && !behaviour.permanent ? now + TEMPORARY_PERMISSION_MS : null;
      if (response === 'accept') {
        const status = behaviour.permanent ? 'permanent' : 'temporary';
        ctx.permissions.set('whatsapp', businessId, userId, status, expiresAt);
        ctx.config.emit({ type: 'permission', channel: 'whatsapp', businessId, userId, status });
      }
      ctx.send(
        waPermissionReply(
          number,
          {
            userId,
            userName: calleeBehaviour(ctx, userId).name ?? DEFAULT_CALLEE_NAME,
            contextId: requestId,
            messageId: newMessageId(),
            response,
            isPermanent: response === 'accept' && behaviour.permanent,
            expiresAt,
            source: 'user_action',
          },
          now,
        ),
      );
    });
  }
  return succeed({
    messaging_product: 'whatsapp',
    contacts: [
      isBsuid(userId) ? { input: userId, user_id: userId } : { input: userId, wa_id: userId },
    ],
    messages: [{ id: requestId }],
  });
}

/**
 * A Messenger calling opt-in request (`calling_optin`): at most 2 per thread a day, then the
 * user approves or rejects as configured with a `call_permission_reply` webhook. An approval
 * lasts 7 days: Messenger has no permanent permission.
 *
 * @example
 * const outcome = requestMessengerPermission(ctx, page, '5275811702471834');
 * if (outcome.ok) outcome.value.message_id;
 */
export function requestMessengerPermission(
  ctx: EngineContext,
  page: SimMessengerPage,
  psid: string,
): Outcome<{ recipient: { id: string }; message_id: string }> {
  if (ctx.permissions.refuseRequest('messenger', page.pageId, psid) !== null) {
    return refuse(138009, `user ${psid} was already asked twice in the last 24 hours`);
  }
  ctx.permissions.recordRequest('messenger', page.pageId, psid);
  const behaviour = ctx.config.permissionReply;
  if (behaviour.response !== 'none') {
    const approve = behaviour.response === 'accept';
    ctx.timers.after(behaviour.delayMs, () => {
      const now = ctx.config.now();
      const expiresAt = approve ? now + TEMPORARY_PERMISSION_MS : null;
      if (approve) {
        ctx.permissions.set('messenger', page.pageId, psid, 'temporary', expiresAt);
        ctx.config.emit({
          type: 'permission',
          channel: 'messenger',
          businessId: page.pageId,
          userId: psid,
          status: 'temporary',
        });
      }
      ctx.send(
        msgrPermissionReply(page.pageId, psid, approve ? 'approve' : 'reject', expiresAt, now),
      );
    });
  }
  // the calling pages' confirmation: { recipient: { id }, message_id }
  return succeed({
    recipient: { id: psid },
    message_id: `m_${randomBytes(24).toString('base64url')}`,
  });
}
