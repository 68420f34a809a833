import { META_SIGNATURE_HEADER, signMetaPayload } from '@ringside/contracts/signature';
import type { BaselineBroadcastServer } from './baseline-broadcast-server';
import type { Child } from './child';
import type { FleetCall, FleetReply, FleetRequest } from './socket-fleet-protocol';
import { whatsappPairs } from './webhook-bodies';

const TRIAL_TIMEOUT_MS = 15_000;

/** a customer's call to the agents' number, with the caller's hang-up */
export type CapacityCall = FleetCall & {
  readonly hangUp: { readonly body: string; readonly headers: Record<string, string> };
};

export interface Ringer {
  /** the next fresh call (its own call id and caller) */
  nextCall(): CapacityCall;
  /**
   * one timed ring of every socket of the `available` group; then the caller hangs up. The
   * webhooks go to `webhookUrl` when given (another node of a cluster)
   */
  ringOnce(webhookUrl?: string): Promise<number>;
  /**
   * the same on the bare Socket.IO server, to its `baseline` group, with the payload Ringside
   * last rang with
   */
  broadcastOnce(): Promise<number>;
}

/**
 * The capacity bench's calls: signed WhatsApp connect/terminate webhooks for the agents' number,
 * timed by the socket fleet until every available agent has `call:ringing`.
 *
 * @example
 * const ringer = capacityRinger({ fleet, appSecret, webhookUrl, phoneNumberId, bare });
 * const ms = await ringer.ringOnce();
 */
export function capacityRinger(options: {
  fleet: Child<FleetRequest, FleetReply>;
  appSecret: string;
  webhookUrl: string;
  phoneNumberId: string;
  bare: BaselineBroadcastServer;
}): Ringer {
  const { fleet, bare } = options;
  const signed = (body: string) => ({
    [META_SIGNATURE_HEADER]: signMetaPayload(body, options.appSecret),
  });
  const pairs = whatsappPairs({ phoneNumberId: options.phoneNumberId, runTag: 'capacity' });
  let calls = 0;
  let broadcasts = 0;
  const nextCall = (): CapacityCall => {
    const pair = pairs(calls++);
    return {
      body: pair.connect,
      headers: signed(pair.connect),
      callerNumber: `+${pair.from}`,
      hangUp: { body: pair.terminate, headers: signed(pair.terminate) },
    };
  };
  const trial = async (request: Extract<FleetRequest, { kind: 'trial' }>) => {
    const reply = await fleet.request(request, TRIAL_TIMEOUT_MS * 3);
    if (reply.kind !== 'trial') throw new Error(`the fleet answered ${reply.kind} to a trial`);
    if (reply.status !== 200) throw new Error(`the webhook answered ${reply.status}`);
    return reply;
  };
  return {
    nextCall,
    async ringOnce(webhookUrl = options.webhookUrl) {
      const call = nextCall();
      const reply = await trial({
        kind: 'trial',
        group: 'available',
        webhookUrl,
        body: call.body,
        headers: call.headers,
        timeoutMs: TRIAL_TIMEOUT_MS,
        hangUp: call.hangUp,
      });
      if (reply.payload) bare.setPayload(reply.payload);
      return reply.latencyMs;
    },
    async broadcastOnce() {
      const body = JSON.stringify({ object: 'bench', n: broadcasts++ });
      const reply = await trial({
        kind: 'trial',
        group: 'baseline',
        webhookUrl: `${bare.url}/webhooks/meta`,
        body,
        headers: signed(body),
        timeoutMs: TRIAL_TIMEOUT_MS,
      });
      return reply.latencyMs;
    },
  };
}
