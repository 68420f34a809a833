import type { Call, Party } from '@ringside/calls';
import { isBsuid, type CallDirection, type CallOutcome, type Channel } from '@ringside/contracts';
import type { CallStateName } from '@ringside/calls';

/**
 * The `calls` columns that mirror the model. The one place they are computed, so the call log
 * can never disagree with the stored model.
 */
export interface CallModelColumns {
  metaCallId: string;
  channelKind: Channel;
  direction: CallDirection | null;
  state: CallStateName;
  /** the customer's WhatsApp number (their BSUID when Meta sent none) or PSID */
  callerId: string | null;
  callerName: string | null;
  /** whatsapp business-scoped user id and @username, when Meta sent them */
  callerUserId: string | null;
  callerUsername: string | null;
  agentId: string | null;
  outcome: CallOutcome | null;
  /** the earliest moment the model knows of; see {@link callModelColumns} */
  offeredAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSec: number | null;
  metaErrorCode: number | null;
  metaErrorMessage: string | null;
  /** whatsapp: the call link's tag (`deeplink_payload`) and the call button's `cta_payload` */
  deeplinkPayload: string | null;
  ctaPayload: string | null;
}

/**
 * Derives the mirrored columns from a call model.
 *
 * `offeredAt` is when the call started ringing (inbound) or was dialed (outbound). States that
 * forgot it (active, ended, tombstone) give their earliest known time instead; `saveCall` keeps
 * the earlier of the stored and the derived value, so the first-known start survives.
 *
 * @example
 * callModelColumns(ringingCall).state; // 'ringing'
 * callModelColumns(endedCall).outcome; // 'completed'
 */
export function callModelColumns(model: Call): CallModelColumns {
  if (model.state === 'tombstone') {
    return {
      ...nothingKnown(model.id, model.channel, model.state),
      offeredAt: new Date(model.terminatedAt),
      endedAt: new Date(model.terminatedAt),
      durationSec: model.durationSec ?? null,
      metaErrorCode: model.metaError?.code ?? null,
      metaErrorMessage: model.metaError?.message ?? null,
    };
  }
  const customer = customerOf(model.direction, model.caller, model.called);
  const base = {
    ...nothingKnown(model.id, model.channel, model.state),
    direction: model.direction,
    callerId: customer.id,
    callerName: customer.name ?? null,
    // a customer called back by BSUID alone has it as their id
    callerUserId: customer.userId ?? (isBsuid(customer.id) ? customer.id : null),
    callerUsername: customer.username ?? null,
    deeplinkPayload: model.deeplinkPayload ?? null,
    ctaPayload: model.ctaPayload ?? null,
  };
  switch (model.state) {
    case 'ringing':
      return { ...base, offeredAt: new Date(model.offeredAt) };
    case 'claimed':
      return { ...base, agentId: model.agentId, offeredAt: new Date(model.offeredAt) };
    case 'dialing':
      return { ...base, agentId: model.agentId, offeredAt: new Date(model.dialedAt) };
    case 'outbound-ringing':
      return { ...base, agentId: model.agentId, offeredAt: new Date(model.dialedAt) };
    case 'active':
      return {
        ...base,
        agentId: model.agentId,
        offeredAt: new Date(model.answeredAt),
        answeredAt: new Date(model.answeredAt),
      };
    case 'ended':
      return {
        ...base,
        agentId: model.agentId ?? null,
        outcome: model.outcome,
        offeredAt: new Date(model.answeredAt ?? model.endedAt),
        answeredAt: model.answeredAt === undefined ? null : new Date(model.answeredAt),
        endedAt: new Date(model.endedAt),
        durationSec: model.durationSec ?? null,
        metaErrorCode: model.metaError?.code ?? null,
        metaErrorMessage: model.metaError?.message ?? null,
      };
  }
}

// inbound: the customer called us; outbound: we called the customer
function customerOf(direction: CallDirection, caller: Party, called: Party): Party {
  return direction === 'inbound' ? caller : called;
}

function nothingKnown(
  metaCallId: string,
  channelKind: Channel,
  state: CallStateName,
): Omit<CallModelColumns, 'offeredAt'> {
  return {
    metaCallId,
    channelKind,
    state,
    direction: null,
    callerId: null,
    callerName: null,
    callerUserId: null,
    callerUsername: null,
    agentId: null,
    outcome: null,
    answeredAt: null,
    endedAt: null,
    durationSec: null,
    metaErrorCode: null,
    metaErrorMessage: null,
    deeplinkPayload: null,
    ctaPayload: null,
  };
}
