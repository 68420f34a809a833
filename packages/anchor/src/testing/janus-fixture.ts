import { afterEach, beforeEach } from 'vitest';
import { AnchorEngine } from '../client/anchor-engine';
import { JanusProcess } from '../engine/janus-process';
import { mediaHost } from './media-host';
import type { TonePeer } from './tone-peer';

/** a tone of amplitude 0.3 has RMS ≈ 0.21; through opus and the mixer it stays well above this */
export const HEARD = 0.05;
/** what a muted leg leaves: the mixer sends silence (or nothing) */
export const SILENT = 0.01;

/**
 * A Janus engine of its own for each test of the suite (media on this machine's address, see
 * {@link mediaHost}), a client connected to it, and the peers the test opened: all closed after
 * each test.
 *
 * @example
 * const janus = useJanusEngine();
 * it('…', async () => {
 *   const room = await janus.client.createRoom('call-1');
 *   const customer = janus.open(new TonePeer({ frequencyHz: 440, shape: 'meta', host: janus.host }));
 * });
 */
export function useJanusEngine() {
  const host = mediaHost();
  const peers: TonePeer[] = [];
  let engine: JanusProcess | undefined;
  let client: AnchorEngine | undefined;

  beforeEach(async () => {
    engine = await JanusProcess.start({ iceEnforceList: host });
    client = await AnchorEngine.connect(engine.url);
  });

  afterEach(async () => {
    for (const peer of peers.splice(0)) await peer.close();
    await client?.close();
    await engine?.stop();
  });

  return {
    host,
    /** the peers opened in this test, in order */
    peers,
    get engine(): JanusProcess {
      if (!engine) throw new Error('the engine starts before each test');
      return engine;
    },
    get client(): AnchorEngine {
      if (!client) throw new Error('the engine starts before each test');
      return client;
    },
    /** a peer closed after the test */
    open<P extends TonePeer>(peer: P): P {
      peers.push(peer);
      return peer;
    },
  };
}
