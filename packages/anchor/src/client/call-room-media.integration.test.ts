import { HEARD, SILENT, useJanusEngine } from '../testing/janus-fixture';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AudioProbe } from '../testing/audio-probe';
import { writeOggOpus } from '@ringside/meta-sim/testing';
import { TonePeer } from '../testing/tone-peer';
import { waitFor } from '../testing/wait-for';
import type { CallRoom } from './call-room';

const CALL_TIMEOUT_MS = 30_000;
/** the canonical WAV header Janus writes before 16-bit PCM */
const WAV_HEADER_BYTES = 44;

describe('what the anchor plays, records and offers', () => {
  const janus = useJanusEngine();
  const { host, peers } = janus;
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ringside-anchor-test-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  /** three seconds of a 550 Hz tone as an Ogg Opus file, as prompts and hold music will be */
  function writeMusic(): string {
    const music = join(folder, 'hold.opus');
    const tone = new AudioProbe(550);
    const packets = Array.from({ length: 150 }, () => tone.nextPacket());
    tone.close();
    writeFileSync(music, writeOggOpus(packets, { channels: 2, serial: 1 }));
    return music;
  }

  async function joinByOffer(room: CallRoom, legId: string, peer: TonePeer) {
    peers.push(peer);
    const { answer } = await room.addLegFromOffer(legId, await peer.offer());
    await peer.accept(answer);
    await peer.connected();
  }

  it(
    'plays an opus file into the room for a waiting customer, and stops it',
    async () => {
      const room = await janus.client.createRoom('queued-call');
      const customer = new TonePeer({ host, frequencyHz: 440, shape: 'meta' });
      await joinByOffer(room, 'customer', customer);
      expect(customer.level()).toBeLessThan(SILENT);

      const music = writeMusic();
      const fileId = await room.playFile(music, { loop: true });
      await waitFor('the customer hears the music', () => customer.level() > HEARD);

      await room.stopFile(fileId);
      await waitFor('the music stops', () => customer.level() < SILENT);
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'holds: the agent moves to a side room, the customer hears music, then the agent is back',
    async () => {
      const main = await janus.client.createRoom('held-call', { prebufferPackets: 2 });
      const side = await janus.client.createRoom('held-call:side', { prebufferPackets: 2 });
      const customer = new TonePeer({ host, frequencyHz: 440, shape: 'meta' });
      const agent = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
      await joinByOffer(main, 'customer', customer);
      await joinByOffer(main, 'agent', agent);
      agent.play();
      await waitFor('the customer hears the agent', () => customer.level() > HEARD);

      await main.moveLeg('agent', side);
      expect(main.legIds).toEqual(['customer']);
      expect(side.legIds).toEqual(['agent']);
      await waitFor('the agent is out of the customer room', () => customer.level() < SILENT);

      const music = writeMusic();
      const fileId = await main.playFile(music, { loop: true });
      await waitFor('the customer hears the hold music', () => customer.level() > HEARD);
      expect(agent.level()).toBeLessThan(SILENT);

      await main.stopFile(fileId);
      await side.moveLeg('agent', main);
      expect(main.legIds.sort()).toEqual(['agent', 'customer']);
      customer.play();
      await waitFor('the agent hears the customer again', () => agent.level() > HEARD);
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'makes the offer for a leg and carries audio once given the answer',
    async () => {
      const room = await janus.client.createRoom('messenger-call');
      const customer = new TonePeer({ host, frequencyHz: 440, shape: 'browser' });
      const agent = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
      peers.push(customer);
      const offered = await room.addLegWithOffer('customer');
      expect(offered.offer).toMatch(/^a=setup:actpass\r?$/m);
      expect(offered.offer).toMatch(/^a=candidate:/m);
      await offered.accept(await customer.answer(offered.offer));
      await joinByOffer(room, 'agent', agent);
      await customer.connected();
      agent.play();
      customer.play();

      await waitFor('the customer hears the agent', () => customer.level() > HEARD);
      await waitFor('the agent hears the customer', () => agent.level() > HEARD);
    },
    CALL_TIMEOUT_MS,
  );

  it(
    "records the room's mix to a wav file on the engine",
    async () => {
      const room = await janus.client.createRoom('recorded-call');
      const customer = new TonePeer({ host, frequencyHz: 440, shape: 'meta' });
      await joinByOffer(room, 'customer', customer);
      customer.play();

      await room.setRecording(true, { folder, name: 'call.wav' });
      const file = join(folder, 'call.wav');
      // one second of 48 kHz mono 16-bit PCM after the header
      await waitFor('a second is recorded', () => existsSync(file) && statSync(file).size > 96_000);
      await room.setRecording(false);

      const pcm = readFileSync(file).subarray(WAV_HEADER_BYTES);
      let sum = 0;
      for (let i = 0; i + 1 < pcm.length; i += 2) sum += (pcm.readInt16LE(i) / 32768) ** 2;
      expect(Math.sqrt(sum / (pcm.length / 2))).toBeGreaterThan(HEARD);
    },
    CALL_TIMEOUT_MS,
  );
});
