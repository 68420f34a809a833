import { HEARD, SILENT, useJanusEngine } from '../testing/janus-fixture';
import { describe, expect, it } from 'vitest';
import { TonePeer } from '../testing/tone-peer';
import { waitFor } from '../testing/wait-for';

/** the SSRC of mid 1 in Meta's Messenger renegotiation sample (the customer's voice) */
const MID_1_SSRC = 1379106125;

describe("a far end that moves its voice to a new source (Messenger's renegotiation)", () => {
  const janus = useJanusEngine();
  const { host, peers } = janus;

  it('is dropped by the engine until it re-offers and gets an answer naming the source', async () => {
    const room = await janus.client.createRoom('messenger-call', { prebufferPackets: 2 });
    const customer = new TonePeer({ host, frequencyHz: 440, shape: 'browser' });
    const agent = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
    peers.push(customer, agent);
    const offered = await room.addLegWithOffer('customer');
    await offered.accept(await customer.answer(offered.offer));
    const { answer } = await room.addLegFromOffer('agent', await agent.offer());
    await agent.accept(answer);
    await Promise.all([customer.connected(), agent.connected()]);
    customer.play();
    await waitFor('the agent hears the customer', () => agent.level() > HEARD);
    customer.silence();
    await waitFor('the call goes quiet', () => agent.level() < SILENT);

    // the customer's voice now leaves under a source the engine was never told about
    customer.sendFromSsrc(MID_1_SSRC);
    const sentBefore = customer.packetsSent;
    customer.play();
    await waitFor(
      'a second of the new source is sent',
      () => customer.packetsSent > sentBefore + 50,
    );
    expect(agent.level()).toBeLessThan(SILENT);

    // Janus re-offers; the answer names the new source (as mid 1's a=ssrc would)
    const reoffer = await room.reofferLeg('customer');
    expect(reoffer.offer).toMatch(/^m=audio /m);
    await reoffer.accept(customer.localSdp.replace(/^a=ssrc:\d+ /gm, `a=ssrc:${MID_1_SSRC} `));
    await waitFor('the agent hears the customer again', () => agent.level() > HEARD);
  }, 30_000);
});
