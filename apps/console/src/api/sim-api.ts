import type { Channel } from '@ringside/contracts';
import { isRecord, type ApiResult } from './http';
import type { RestClient } from './rest-client';

/**
 * The simulator drawer's endpoints: whether the server runs the Meta simulator, and placing a
 * simulated inbound call.
 *
 * @example
 * const sim = new SimApi(rest);
 * if ((await sim.status()).ok) await sim.placeCall('whatsapp', 'Rahul');
 */
export class SimApi {
  constructor(private readonly rest: RestClient) {}

  async enabled(): Promise<boolean> {
    const reply = await this.rest.get('/api/sim', (body) =>
      isRecord(body) && typeof body['enabled'] === 'boolean' ? body['enabled'] : undefined,
    );
    // 404 (no simulator routes at all) and errors both mean: no drawer
    return reply.ok && reply.data;
  }

  /** `source`: WhatsApp only, the customer calls from the number's call link with this tag, or from a call button with this payload */
  placeCall(
    channel: Channel,
    name: string,
    source: { tag?: string; ctaPayload?: string } = {},
  ): Promise<ApiResult<{ callId: string }>> {
    return this.rest.post('/api/sim/calls', { channel, name, ...source }, (body) =>
      isRecord(body) && typeof body['callId'] === 'string' ? { callId: body['callId'] } : undefined,
    );
  }
}
