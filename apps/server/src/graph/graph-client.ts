import { createGraphTransport, type GraphTransportOptions } from './graph-transport';
import { messengerGraph } from './messenger-graph';
import { setupGraph } from './setup-graph';
import { whatsappGraph } from './whatsapp-graph';

/** defaults that suit a call that is ringing on a customer's phone: fail fast, retry a little */
export const GRAPH_DEFAULTS = {
  timeoutMs: 8_000,
  maxAttempts: 3,
  backoff: { baseMs: 250, maxMs: 2_000 },
} as const;

/**
 * The server's only way to Meta's Graph API: typed methods per action and channel.
 *
 * @example
 * const graph = createGraphClient({ baseUrl: env.GRAPH_API_BASE_URL, version: env.GRAPH_API_VERSION });
 * await graph.whatsapp.terminate({ nodeId: phoneNumberId, accessToken }, callId);
 */
export function createGraphClient(
  options: Pick<GraphTransportOptions, 'baseUrl' | 'version'> & Partial<GraphTransportOptions>,
) {
  const transport = createGraphTransport({ ...GRAPH_DEFAULTS, ...options });
  return {
    whatsapp: whatsappGraph(transport),
    messenger: messengerGraph(transport),
    // the read-only set-up checks (doctor)
    setup: setupGraph(transport),
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;
