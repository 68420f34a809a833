import type { Channel } from '@ringside/contracts';
import { isRecord, type ApiResult, type HttpClient } from './http';

/**
 * The simulator drawer's endpoints: whether the server runs the Meta simulator, and placing a
 * simulated inbound call.
 *
 * @example
 * const sim = new SimApi(http);
 * if ((await sim.status()).ok) await sim.placeCall('whatsapp', 'Rahul');
 */
export class SimApi {
  constructor(private readonly http: HttpClient) {}

  async enabled(): Promise<boolean> {
    const reply = await this.http.get('/api/sim', (body) =>
      isRecord(body) && typeof body['enabled'] === 'boolean' ? body['enabled'] : undefined,
    );
    // 404 (no simulator routes at all) and errors both mean: no drawer
    return reply.ok && reply.data;
  }

  placeCall(channel: Channel, name: string): Promise<ApiResult<{ callId: string }>> {
    return this.http.post('/api/sim/calls', { channel, name }, (body) =>
      isRecord(body) && typeof body['callId'] === 'string' ? { callId: body['callId'] } : undefined,
    );
  }
}
