import Janode, { type JanodeConnection } from 'janode';
import AudioBridgePlugin, { type AudioBridgeHandle } from 'janode/plugins/audiobridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JanusProcess } from '../engine/janus-process';
import { AnchorEngine } from './anchor-engine';

describe('rooms an earlier server left on an engine', () => {
  let engine: JanusProcess;
  const clients: AnchorEngine[] = [];
  let foreign: JanodeConnection | undefined;

  beforeEach(async () => {
    engine = await JanusProcess.start();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await foreign?.close().catch(() => undefined);
    await engine.stop();
  });

  it('are destroyed by the next connection, which keeps its own rooms and everyone else’s', async () => {
    const earlier = await AnchorEngine.connect(engine.url);
    clients.push(earlier);
    await earlier.createRoom('call-1');
    await earlier.createRoom('call-2');
    // a room on the same engine that is not the anchor's
    foreign = await Janode.connect({ address: { url: engine.url }, max_retries: 0 });
    const session = await foreign.create();
    const other = await session.attach<AudioBridgeHandle>(AudioBridgePlugin);
    await other.create({ room: 4242, description: 'weekly conference' });

    const later = await AnchorEngine.connect(engine.url);
    clients.push(later);
    await later.createRoom('call-3');
    expect(await later.sweepRooms()).toBe(2);
    expect(await later.sweepRooms()).toBe(0);

    const { list } = await other.list();
    expect(list.map((room) => room.description).sort()).toEqual([
      'ringside call-3',
      'weekly conference',
    ]);
  }, 30_000);
});
