import type { DoctorCheck } from '@ringside/contracts';
import { couldNotRead, result, type DoctorChannel, type MetaAnswer } from './doctor-check';

/**
 * `calling-enabled`: `GET /{phone-number-id}/settings` must say `calling.status: ENABLED`
 * (Calling _Get started_, step 4), and SIP must be off: with SIP on, Meta's Graph calling
 * endpoints and calling webhooks are off for the number.
 *
 * @example
 * callingCheck(channel, await ask(() => graph.whatsapp.getSettings(creds)));
 */
export function callingCheck(
  channel: DoctorChannel,
  answer: MetaAnswer<{ calling?: unknown }>,
): DoctorCheck {
  if (!answer.ok) {
    return result(
      'calling-enabled',
      'fail',
      channel,
      couldNotRead('the number’s calling settings', answer.refusal),
    );
  }
  const calling = (answer.value.calling ?? {}) as { status?: unknown; sip?: { status?: unknown } };
  const fix =
    'Turn calling on in Admin → Channels → Call settings (or POST /{phone-number-id}/settings with calling.status ENABLED).';
  if (calling.status === 'DISABLED') {
    return result(
      'calling-enabled',
      'fail',
      channel,
      'Calling is switched off on this number: WhatsApp users cannot call it and it cannot call them.',
      fix,
    );
  }
  if (calling.sip?.status === 'ENABLED') {
    return result(
      'calling-enabled',
      'fail',
      channel,
      'SIP is on for this number, so Meta sends its calls over SIP, not to Ringside.',
      'Turn SIP off in the number’s calling settings (calling.sip.status DISABLED).',
    );
  }
  if (calling.status !== 'ENABLED') {
    return result(
      'calling-enabled',
      'warn',
      channel,
      'Meta did not say whether calling is on for this number.',
      fix,
    );
  }
  return result('calling-enabled', 'ok', channel, 'Calling is on for this number.');
}

// the tiers below Meta's calling minimum of 2,000 business-initiated conversations a day
const BELOW_CALLING_MINIMUM = new Set(['TIER_50', 'TIER_250', 'TIER_1K']);

/**
 * `messaging-limit`: Meta's Calling API needs a messaging limit of at least 2,000
 * business-initiated conversations in a rolling 24 hours (Calling _Get started_, step 3;
 * `whatsapp_business_manager_messaging_limit`, _Messaging limits_). Public test numbers and
 * sandbox accounts are exempt, which the number's answer does not show.
 *
 * @example
 * limitCheck(channel, await ask(() => graph.setup.messagingLimit(creds)));
 */
export function limitCheck(
  channel: DoctorChannel,
  answer: MetaAnswer<string | undefined>,
): DoctorCheck {
  if (!answer.ok) {
    return result(
      'messaging-limit',
      'warn',
      channel,
      couldNotRead('the number’s messaging limit', answer.refusal),
    );
  }
  const tier = answer.value;
  if (tier === undefined) {
    return result(
      'messaging-limit',
      'warn',
      channel,
      'Meta did not say what this number’s messaging limit is.',
    );
  }
  if (BELOW_CALLING_MINIMUM.has(tier)) {
    return result(
      'messaging-limit',
      'fail',
      channel,
      `This number’s messaging limit is ${readable(tier)} a day; Meta’s Calling API needs at least 2,000 (public test numbers and sandbox accounts excepted).`,
      'Raise the limit to 2,000 through one of Meta’s scaling paths (WhatsApp Manager → Messaging limits), such as business verification.',
    );
  }
  return result(
    'messaging-limit',
    'ok',
    channel,
    `The messaging limit (${readable(tier)} a day) is high enough for calls.`,
  );
}

/**
 * `ring-target`: a Page's calls reach partner apps (Ringside) only with
 * `call_routing.ring_target: PARTNERS` (meta-calling.md §3.4, inferred); `META` rings them in
 * Meta's own apps.
 *
 * @example
 * ringTargetCheck(channel, await ask(() => graph.messenger.getCallSettings(creds)));
 */
export function ringTargetCheck(
  channel: DoctorChannel,
  answer: MetaAnswer<{ call_routing?: { ring_target?: string | undefined } | undefined }>,
): DoctorCheck {
  if (!answer.ok) {
    return result(
      'ring-target',
      'fail',
      channel,
      couldNotRead('the Page’s call settings', answer.refusal),
    );
  }
  const target = answer.value.call_routing?.ring_target;
  if (target === 'PARTNERS') {
    return result(
      'ring-target',
      'ok',
      channel,
      'The Page’s calls ring in partner apps (Ringside).',
    );
  }
  const fix =
    'In Meta Business Suite, set the Page’s calls to ring in partner apps (call routing: PARTNERS).';
  if (target === undefined) {
    return result(
      'ring-target',
      'warn',
      channel,
      'Meta did not say where the Page’s calls ring.',
      fix,
    );
  }
  return result(
    'ring-target',
    'fail',
    channel,
    `The Page’s calls ring in Meta’s own apps (${target}), so they never reach Ringside.`,
    fix,
  );
}

function readable(tier: string): string {
  const figure = /^TIER_(\d+)(K?)$/.exec(tier);
  if (!figure?.[1]) return tier === 'TIER_UNLIMITED' ? 'unlimited' : tier;
  const n = Number(figure[1]) * (figure[2] === 'K' ? 1000 : 1);
  return n.toLocaleString('en-US');
}
