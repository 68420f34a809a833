import { HEARD, SILENT, useJanusEngine } from '../testing/janus-fixture';
import { validateLocalAnswer } from '@ringside/sdp';
import { describe, expect, it } from 'vitest';
import { TonePeer } from '../testing/tone-peer';
import { waitFor } from '../testing/wait-for';
import type { CallRoom } from './call-room';

// janus starting, ICE and DTLS on two legs, and the mixer's first packets take a few seconds
const CALL_TIMEOUT_MS = 30_000;

describe('a call anchored on Janus (AudioBridge)', () => {
  const janus = useJanusEngine();
  const { host, peers } = janus;

  async function join(room: CallRoom, legId: string, peer: TonePeer): Promise<string> {
    peers.push(peer);
    const { answer } = await room.addLegFromOffer(legId, await peer.offer());
    await peer.accept(answer);
    return answer;
  }

  it(
    "carries the customer's voice to the agent and back, and muting a leg silences it",
    async () => {
      const room = await janus.client.createRoom('call-1', { prebufferPackets: 2 });
      const customer = new TonePeer({ frequencyHz: 440, shape: 'meta', host });
      const agent = new TonePeer({ frequencyHz: 660, shape: 'browser', host });
      const answer = await join(room, 'customer', customer);
      await join(room, 'agent', agent);
      await Promise.all([customer.connected(), agent.connected()]);
      customer.play();
      agent.play();

      await waitFor('the agent hears the customer', () => agent.level() > HEARD);
      await waitFor('the customer hears the agent', () => customer.level() > HEARD);

      await room.setMuted('customer', true);
      await waitFor('the agent no longer hears the customer', () => agent.level() < SILENT);
      expect(customer.level()).toBeGreaterThan(HEARD);

      await room.setMuted('customer', false);
      await waitFor('the agent hears the customer again', () => agent.level() > HEARD);

      // the answer the engine gave the Meta-shaped offer passes the browser's own WhatsApp checks
      const checked = validateLocalAnswer(answer);
      expect(checked.ok ? 'valid' : checked.error.message).toBe('valid');
      expect(answer).toMatch(/^a=setup:active\r?$/m);
      expect(answer).not.toMatch(/telephone-event/); // AudioBridge answers opus only (docs/anchor.md)
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'reports the room gone, without hanging, when the engine process dies',
    async () => {
      const room = await janus.client.createRoom('call-2');
      const customer = new TonePeer({ frequencyHz: 440, shape: 'meta', host });
      await join(room, 'customer', customer);
      await customer.connected();

      process.kill(janus.engine.pid ?? 0, 'SIGKILL');

      await expect(room.closed).resolves.toBe('engine_lost');
      await expect(janus.client.lost).resolves.toMatchObject({ reason: 'engine_lost' });
      expect(janus.client.roomCount).toBe(0);
      await expect(janus.client.createRoom('call-3')).rejects.toMatchObject({
        code: 'engine_lost',
      });
      await expect(janus.engine.exited).resolves.toMatchObject({
        signal: 'SIGKILL',
        expected: false,
      });
    },
    CALL_TIMEOUT_MS,
  );
});
