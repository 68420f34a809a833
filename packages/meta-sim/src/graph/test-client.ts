// test support: a tiny Graph client over real HTTP, as the server's client would call Meta
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from '../engine/config';
import { createFakeMediaFactory } from '../engine/fake-media';

export interface GraphResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface TestGraphClient {
  post(
    objectId: string,
    edge: string,
    body: unknown,
    token?: string | null,
  ): Promise<GraphResponse>;
  get(
    objectId: string,
    edge: string,
    query?: Record<string, string>,
    token?: string | null,
  ): Promise<GraphResponse>;
  raw(path: string, init: RequestInit): Promise<GraphResponse>;
}

/**
 * Calls the emulator the way a business would, with a default bearer token.
 *
 * @example
 * const graph = testGraphClient(`${base}/v24.0`, DEMO_WHATSAPP_NUMBER.accessToken);
 * const res = await graph.post(phoneNumberId, 'calls', { messaging_product: 'whatsapp', action: 'reject', call_id });
 */
export function testGraphClient(graphBase: string, defaultToken: string): TestGraphClient {
  const send = async (path: string, init: RequestInit): Promise<GraphResponse> => {
    const res = await fetch(`${graphBase}${path}`, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not json: keep the text for the assertion message
    }
    return { status: res.status, body, headers: res.headers };
  };
  const auth = (token: string | null | undefined): Record<string, string> => {
    const chosen = token === undefined ? defaultToken : token;
    return chosen === null ? {} : { authorization: `Bearer ${chosen}` };
  };
  return {
    post: (objectId, edge, body, token) =>
      send(`/${objectId}/${edge}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(token) },
        body: JSON.stringify(body),
      }),
    get: (objectId, edge, query = {}, token) =>
      send(`/${objectId}/${edge}?${new URLSearchParams(query).toString()}`, {
        headers: auth(token),
      }),
    raw: (path, init) => send(path, init),
  };
}

/**
 * The simulator with fake media, listening, and a Graph client holding the demo WhatsApp
 * number's token: what the WhatsApp Graph tests start from.
 *
 * @example
 * ({ sim, graph } = await startWhatsAppSim({ quirks: { bareSuccess: true } }));
 */
export async function startWhatsAppSim(
  options: MetaSimOptions = {},
): Promise<{ sim: MetaSim; graph: TestGraphClient }> {
  const sim = createMetaSim({ media: createFakeMediaFactory(), webhookUrl: null, ...options });
  const url = await sim.listen(0);
  return {
    sim,
    graph: testGraphClient(`${url}/${sim.graphVersion}`, DEMO_WHATSAPP_NUMBER.accessToken),
  };
}
