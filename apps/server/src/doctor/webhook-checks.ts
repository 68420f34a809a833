import type { DoctorCheck } from '@ringside/contracts';
import { couldNotRead, result, type DoctorChannel, type MetaAnswer } from './doctor-check';

/** one of the app's webhook subscriptions (`GET /{app-id}/subscriptions`) */
export interface AppSubscription {
  object: string;
  active?: boolean | undefined;
  fields?: Array<{ name: string }> | undefined;
}

/** one app subscribed to a Page, with the Page's fields for it */
export interface PageSubscribedApp {
  id?: string | undefined;
  subscribed_fields?: string[] | undefined;
}

/**
 * The webhook fields calls need, per object: WhatsApp's `calls`, and `messages`, which brings the
 * customer's `call_permission_reply` (Calling _Get started_; _User call permissions_); a Page's
 * `calls` and `call_permission_reply` (Messenger _Business-initiated call flow_, before you begin).
 */
export const NEEDED_FIELDS = {
  whatsapp_business_account: ['calls', 'messages'],
  page: ['calls', 'call_permission_reply'],
} as const;

/**
 * `webhook-subscription` for a number: the token's app must be among the WABA's subscribed apps
 * (Calling _Get started_: "the same app should also be subscribed to the WhatsApp Business
 * Account"), or Meta sends the number's calls to no one.
 *
 * @example
 * wabaSubscriptionCheck(channel, await ask(() => graph.setup.wabaSubscribedApps(creds, wabaId)), appId, wabaId);
 */
export function wabaSubscriptionCheck(
  channel: DoctorChannel,
  answer: MetaAnswer<string[]>,
  appId: string | undefined,
  wabaId: string,
): DoctorCheck {
  if (!answer.ok) {
    return result(
      'webhook-subscription',
      'fail',
      channel,
      couldNotRead('the WhatsApp Business Account’s subscribed apps', answer.refusal),
      null,
    );
  }
  const fix = `Subscribe the app to the WhatsApp Business Account: POST /${wabaId}/subscribed_apps with this channel’s token (Meta’s WhatsApp webhooks set-up).`;
  if (answer.value.length === 0) {
    return result(
      'webhook-subscription',
      'fail',
      channel,
      `No app is subscribed to this number’s WhatsApp Business Account (${wabaId}), so Meta sends its calls to no one.`,
      fix,
    );
  }
  if (appId !== undefined && !answer.value.includes(appId)) {
    return result(
      'webhook-subscription',
      'fail',
      channel,
      `The WhatsApp Business Account (${wabaId}) is subscribed to other apps, not to this token’s app (${appId}).`,
      fix,
    );
  }
  return result(
    'webhook-subscription',
    'ok',
    channel,
    'The app is subscribed to this number’s WhatsApp Business Account.',
  );
}

/**
 * `webhook-subscription` for a Page: the app must be subscribed to the Page with `calls` and
 * `call_permission_reply`; only fields subscribed at both the Page and the app get webhooks
 * (_Page Subscribed Apps_).
 *
 * @example
 * pageSubscriptionCheck(channel, await ask(() => graph.setup.pageSubscribedApps(creds)), appId, pageId);
 */
export function pageSubscriptionCheck(
  channel: DoctorChannel,
  answer: MetaAnswer<PageSubscribedApp[]>,
  appId: string | undefined,
  pageId: string,
): DoctorCheck {
  if (!answer.ok) {
    return result(
      'webhook-subscription',
      'fail',
      channel,
      couldNotRead('the Page’s subscribed apps', answer.refusal),
      null,
    );
  }
  const fields = NEEDED_FIELDS.page.join(',');
  const fix = `Subscribe the app to the Page: POST /${pageId}/subscribed_apps?subscribed_fields=${fields} with the Page’s token.`;
  const app = answer.value.find((a) => appId === undefined || a.id === appId);
  if (!app) {
    return result(
      'webhook-subscription',
      'fail',
      channel,
      `The app is not subscribed to this Page (${pageId}), so Meta sends its calls to no one.`,
      fix,
    );
  }
  const missing = NEEDED_FIELDS.page.filter((f) => !(app.subscribed_fields ?? []).includes(f));
  if (missing.length > 0) {
    return result(
      'webhook-subscription',
      'fail',
      channel,
      `The Page’s subscription lacks ${missing.join(', ')}: Meta does not send those webhooks.`,
      fix,
    );
  }
  return result(
    'webhook-subscription',
    'ok',
    channel,
    `The app is subscribed to this Page with ${NEEDED_FIELDS.page.join(', ')}.`,
  );
}

/**
 * `webhook-fields`: the app's own subscription for the object (`whatsapp_business_account` or
 * `page`) must hold the fields calls need. Reading it needs the app secret (an app access token);
 * without one the check can only warn.
 *
 * @example
 * appFieldsCheck(channel, answer, 'whatsapp_business_account');
 */
export function appFieldsCheck(
  channel: DoctorChannel,
  answer: MetaAnswer<AppSubscription[]> | 'no-app-secret' | 'no-app-id',
  object: keyof typeof NEEDED_FIELDS,
): DoctorCheck {
  const needed = NEEDED_FIELDS[object];
  const fix = `In the Meta app dashboard, Webhooks → ${object === 'page' ? 'Page' : 'WhatsApp Business Account'}: subscribe to ${needed.join(', ')}.`;
  if (answer === 'no-app-secret' || answer === 'no-app-id') {
    return result(
      'webhook-fields',
      'warn',
      channel,
      answer === 'no-app-secret'
        ? 'The app’s webhook fields cannot be read without the app secret (META_APP_SECRET).'
        : 'The app’s webhook fields cannot be read: Meta did not say which app the token belongs to.',
      answer === 'no-app-secret'
        ? 'Set META_APP_SECRET (or store the app secret on the Meta webhook page).'
        : fix,
    );
  }
  if (!answer.ok) {
    const refused = answer.refusal.code === 190 || answer.refusal.code === 15;
    return result(
      'webhook-fields',
      'fail',
      channel,
      refused
        ? 'Meta does not accept the app secret Ringside has for this token’s app, so Meta’s webhooks would fail their signature check.'
        : couldNotRead('the app’s webhook fields', answer.refusal),
      refused
        ? 'Set META_APP_SECRET to the app secret of the app in Meta’s dashboard (App settings → Basic).'
        : null,
    );
  }
  const subscription = answer.value.find((s) => s.object === object && s.active !== false);
  const have = (subscription?.fields ?? []).map((f) => f.name);
  const missing = needed.filter((f) => !have.includes(f));
  if (missing.length > 0) {
    return result(
      'webhook-fields',
      'fail',
      channel,
      `The app is not subscribed to the ${missing.join(', ')} webhook field${missing.length > 1 ? 's' : ''}: Meta does not send ${missing.length > 1 ? 'those' : 'that'} to Ringside.`,
      fix,
    );
  }
  return result(
    'webhook-fields',
    'ok',
    channel,
    `The app takes the ${needed.join(', ')} webhook fields.`,
  );
}
