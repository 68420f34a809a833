import { HEARD, SILENT, useJanusEngine } from '../testing/janus-fixture';
import { describe, expect, it } from 'vitest';
import type { CallRoom } from '../client/call-room';
import { TonePeer } from '../testing/tone-peer';
import { waitFor } from '../testing/wait-for';
import { planRooms, type Party, type RoomName } from './hearing-plan';

const CALL_TIMEOUT_MS = 60_000;

describe('a whisper planned by planRooms, carried out on Janus', () => {
  const janus = useJanusEngine();
  const { host, peers } = janus;

  it(
    'lets the agent hear the supervisor while the customer does not',
    async () => {
      const parties: Party[] = [
        { id: 'customer', role: 'customer' },
        { id: 'agent', role: 'agent' },
        { id: 'supervisor', role: 'supervisor', mode: 'whisper' },
      ];
      const rooms: Record<RoomName, CallRoom> = {
        main: await janus.client.createRoom('call-9', { prebufferPackets: 2 }),
        side: await janus.client.createRoom('call-9:side', { prebufferPackets: 2 }),
      };
      // one PeerConnection per membership: `${party}@${room}`
      const legs = new Map<string, TonePeer>();
      for (const { party, room, muted } of planRooms('talking', parties).memberships) {
        const peer = new TonePeer({
          host,
          frequencyHz: 440,
          shape: party === 'customer' ? 'meta' : 'browser',
        });
        peers.push(peer);
        const { answer } = await rooms[room].addLegFromOffer(
          `${party}@${room}`,
          await peer.offer(),
          {
            muted,
          },
        );
        await peer.accept(answer);
        legs.set(`${party}@${room}`, peer);
      }
      const leg = (id: string): TonePeer => {
        const peer = legs.get(id);
        if (!peer) throw new Error(`the plan made no leg ${id}`);
        return peer;
      };
      expect([...legs.keys()].sort()).toEqual([
        'agent@main',
        'agent@side',
        'customer@main',
        'supervisor@main',
        'supervisor@side',
      ]);
      await Promise.all(peers.map((peer) => peer.connected()));

      // only the supervisor speaks (into both of their legs)
      leg('supervisor@main').play();
      leg('supervisor@side').play();
      await waitFor('the agent hears the whisper', () => leg('agent@side').level() > HEARD);
      expect(leg('customer@main').level()).toBeLessThan(SILENT);
      expect(leg('agent@main').level()).toBeLessThan(SILENT);
      leg('supervisor@main').silence();
      leg('supervisor@side').silence();
      await waitFor('the call goes quiet', () => peers.every((peer) => peer.level() < SILENT));

      // only the customer speaks: the agent and the supervisor hear them in the main room
      leg('customer@main').play();
      await waitFor('the agent hears the customer', () => leg('agent@main').level() > HEARD);
      await waitFor('the supervisor hears the customer', () => {
        return leg('supervisor@main').level() > HEARD;
      });
      expect(leg('agent@side').level()).toBeLessThan(SILENT);
      leg('customer@main').silence();
      await waitFor('the call goes quiet', () => peers.every((peer) => peer.level() < SILENT));

      // only the agent speaks: the customer and the supervisor hear them
      leg('agent@main').play();
      await waitFor('the customer hears the agent', () => leg('customer@main').level() > HEARD);
      await waitFor('the supervisor hears the agent', () => leg('supervisor@main').level() > HEARD);
    },
    CALL_TIMEOUT_MS,
  );
});
