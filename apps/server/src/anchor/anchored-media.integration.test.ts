import type { CallOfferedEvent } from '@ringside/calls';
import { EnginePool, JanusProcess } from '@ringside/anchor';
import { HEARD, mediaHost, SILENT, TonePeer, waitFor } from '@ringside/anchor/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { channelRecord } from '../testing/channel-record';
import { capturedLogger } from '../testing/test-auth-server';
import { createAnchoredMedia } from './anchored-media';

const CALL_TIMEOUT_MS = 40_000;
const host = mediaHost();

const channel = channelRecord({
  id: 'c0a8d1e2-0000-4000-8000-000000000001',
  workspaceId: 'c0a8d1e2-0000-4000-8000-000000000002',
  externalId: '115017831530600',
  mediaMode: 'anchored',
});

function connect(callId: string, sdpOffer: string): CallOfferedEvent {
  return {
    kind: 'call.offered',
    channel: 'whatsapp',
    callId,
    endpointId: channel.externalId,
    idempotencyKey: `connect-${callId}`,
    occurredAt: Date.now(),
    caller: { id: '918097530000' },
    called: { id: '15550100100' },
    sdpOffer,
  };
}

describe('an anchored call’s media (AnchoredMedia on one engine)', () => {
  let engine: JanusProcess | undefined;
  let pool: EnginePool | undefined;
  const peers: TonePeer[] = [];

  afterEach(async () => {
    for (const peer of peers.splice(0)) await peer.close();
    await pool?.close();
    await engine?.stop();
  });

  async function start(lost: (callId: string) => void = () => undefined) {
    engine = await JanusProcess.start({ iceEnforceList: host });
    pool = await EnginePool.open([{ name: 'janus-a', url: engine.url }]);
    const media = createAnchoredMedia({
      pool,
      logger: capturedLogger().logger,
      lost: async (_channel, callId) => lost(callId),
    });
    const customer = new TonePeer({ host, frequencyHz: 440, shape: 'meta' });
    const agent = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
    peers.push(customer, agent);
    const event = connect('wacid.media-1', await customer.offer());
    const anchored = await media.anchor(channel, event);
    expect(anchored).toMatchObject({ fresh: true, engine: 'janus-a' });
    // a second delivery of the connect finds the same room and offer
    expect(await media.anchor(channel, event)).toMatchObject({
      fresh: false,
      event: { sdpOffer: anchored.event.sdpOffer },
    });
    const forMeta = await media.agentAnswered(
      event.callId,
      await agent.answer(anchored.event.sdpOffer ?? ''),
    );
    await customer.accept(forMeta ?? '');
    await Promise.all([customer.connected(), agent.connected()]);
    customer.play();
    agent.play();
    return { media, customer, agent, callId: event.callId };
  }

  it(
    'keeps the agent unheard until Meta accepts, then carries them; release drops the room',
    async () => {
      const { media, customer, agent, callId } = await start();
      await waitFor('the agent hears the customer', () => agent.level() > HEARD);
      const before = customer.packetsReceived;
      await waitFor('the customer gets another second of the room', () => {
        return customer.packetsReceived > before + 50;
      });
      expect(customer.level()).toBeLessThan(SILENT);

      await media.accepted(callId);
      await waitFor('the customer hears the agent', () => customer.level() > HEARD);

      await media.release(callId);
      expect(pool?.roomOf(callId)).toBeUndefined();
      expect(await media.engineOf(callId)).toBeUndefined();
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'reports a call whose engine dies, and refuses an answer for it',
    async () => {
      const lost: string[] = [];
      const { media, callId } = await start((id) => lost.push(id));
      process.kill(engine?.pid ?? 0, 'SIGKILL');
      await waitFor('the call is reported lost', () => lost.length > 0);
      expect(lost).toEqual([callId]);
      await expect(media.agentAnswered(callId, 'v=0')).rejects.toMatchObject({
        code: 'engine_lost',
      });
      // a call on a channel that is not anchored is left alone
      const direct = connect('wacid.media-2', 'v=0');
      expect(await media.anchor({ ...channel, mediaMode: 'direct' }, direct)).toEqual({
        event: direct,
        fresh: false,
      });
    },
    CALL_TIMEOUT_MS,
  );
});
