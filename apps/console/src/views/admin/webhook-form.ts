import { lazyWords, t } from '../../i18n/i18n';
import {
  OUTGOING_EVENT_NAMES,
  webhookSubscriptionCreateBodySchema,
  webhookSubscriptionUpdateBodySchema,
  type SubscriptionEvent,
  type WebhookSubscriptionCreateBody,
  type WebhookSubscriptionUpdateBody,
  type WebhookSubscriptionView,
} from '@ringside/contracts';
import { checkWith, defined, type FormCheck, type Problems } from './form-check';

/** the webhook form as typed */
export interface WebhookDraft {
  url: string;
  /** `['*']` for every event */
  events: SubscriptionEvent[];
  /** write-only: empty makes the server generate one (new) or keeps the current one (edit) */
  secret: string;
  description: string;
  active: boolean;
}

/** what a problem with each field means */
export const WEBHOOK_WORDS: Problems = lazyWords({
  url: 'problem.url',
  events: 'problem.events',
  secret: 'problem.secret',
  description: 'problem.upTo200',
});

/** an empty webhook form: every event, active */
export const NEW_WEBHOOK: WebhookDraft = {
  url: '',
  events: ['*'],
  secret: '',
  description: '',
  active: true,
};

/**
 * The edit form for a subscription as the server has it (the secret field starts empty).
 *
 * @example
 * webhookDraft(view).events; // ['call.ended']
 */
export function webhookDraft(view: WebhookSubscriptionView): WebhookDraft {
  return {
    url: view.url,
    events: [...view.events],
    secret: '',
    description: view.description ?? '',
    active: view.active,
  };
}

/**
 * Ticks or unticks one event. `*` stands alone: choosing it clears the others, and choosing an
 * event clears `*`. The result keeps the contract's order.
 *
 * @example
 * toggleEvent(['*'], 'call.ended', true); // ['call.ended']
 * toggleEvent(['call.ended'], '*', true); // ['*']
 */
export function toggleEvent(
  events: readonly SubscriptionEvent[],
  event: SubscriptionEvent,
  on: boolean,
): SubscriptionEvent[] {
  if (event === '*') return on ? ['*'] : [];
  const named = events.filter((e) => e !== '*' && e !== event);
  const next = on ? [...named, event] : named;
  return OUTGOING_EVENT_NAMES.filter((name) => next.includes(name));
}

/**
 * Checks a new webhook and builds `POST /api/admin/webhooks`.
 *
 * @example
 * newWebhookBody({ ...NEW_WEBHOOK, url: 'https://crm.example.com/hooks' });
 * // { ok: true, body: { url: 'https://crm.example.com/hooks', events: ['*'], active: true } }
 */
export function newWebhookBody(draft: WebhookDraft): FormCheck<WebhookSubscriptionCreateBody> {
  const secret = draft.secret.trim();
  const description = draft.description.trim();
  return checkWith(
    webhookSubscriptionCreateBodySchema.safeParse({
      url: draft.url.trim(),
      events: draft.events,
      active: draft.active,
      ...(secret ? { secret } : {}),
      ...(description ? { description } : {}),
    }),
    WEBHOOK_WORDS,
  );
}

/**
 * Checks an edited webhook against the server's and builds `PATCH /api/admin/webhooks/:id`
 * with only what changed.
 *
 * @example
 * updateWebhookBody(view, { ...webhookDraft(view), active: false }); // { ok: true, body: { active: false } }
 */
export function updateWebhookBody(
  view: WebhookSubscriptionView,
  draft: WebhookDraft,
): FormCheck<WebhookSubscriptionUpdateBody> {
  const url = draft.url.trim();
  const description = draft.description.trim();
  const sameEvents =
    draft.events.length === view.events.length &&
    draft.events.every((e) => view.events.includes(e));
  const body = defined({
    url: url !== view.url ? url : undefined,
    events: sameEvents ? undefined : draft.events,
    secret: draft.secret.trim() || undefined,
    description: description !== (view.description ?? '') ? description : undefined,
    active: draft.active !== view.active ? draft.active : undefined,
  });
  if (Object.keys(body).length === 0)
    return { ok: false, problems: { form: t('problem.nothingChanged') } };
  return checkWith(webhookSubscriptionUpdateBodySchema.safeParse(body), WEBHOOK_WORDS);
}
