import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JanusProcess } from '../engine/janus-process';
import { freeTcpPort } from '../engine/free-port';
import { EnginePool } from './engine-pool';

describe('a pool of two engines', () => {
  let engines: JanusProcess[] = [];
  let pool: EnginePool;

  beforeEach(async () => {
    engines = [await JanusProcess.start(), await JanusProcess.start()];
    pool = await EnginePool.open(
      engines.map((engine, i) => ({ name: `janus-${i}`, url: engine.url })),
    );
  });

  afterEach(async () => {
    await pool.close();
    for (const engine of engines) await engine.stop();
  });

  it('spreads calls, ends the calls of an engine that dies and sends new calls to the other', async () => {
    const first = await pool.createRoom('call-1');
    const second = await pool.createRoom('call-2');
    expect([first.engine, second.engine]).toEqual(['janus-0', 'janus-1']);
    expect(pool.roomOf('call-1')?.engine).toBe('janus-0');

    process.kill(engines[0]?.pid ?? 0, 'SIGKILL');

    await expect(first.room.closed).resolves.toBe('engine_lost');
    expect(pool.roomOf('call-1')).toBeUndefined();
    expect(pool.live).toEqual(['janus-1']);
    expect(pool.down.map((engine) => engine.name)).toEqual(['janus-0']);
    const third = await pool.createRoom('call-3');
    expect(third.engine).toBe('janus-1');
    expect(pool.roomOf('call-2')?.engine).toBe('janus-1');
  }, 30_000);

  it('gives a call one side room on its own engine, gone when the call’s room goes', async () => {
    await pool.createRoom('call-1');
    const second = await pool.createRoom('call-2');
    expect(pool.hasSideRoom('call-2')).toBe(false);
    const [side, again] = await Promise.all([pool.sideRoomOf('call-2'), pool.sideRoomOf('call-2')]);
    expect(again).toBe(side);
    expect(pool.hasSideRoom('call-2')).toBe(true);
    expect(side.callId).toBe('call-2:side');
    // on call-2's engine: killing the other engine leaves it open
    process.kill(engines[0]?.pid ?? 0, 'SIGKILL');
    await expect(pool.roomOf('call-1')?.room.closed).resolves.toBe('engine_lost');
    await side.addLegWithOffer('supervisor');
    expect(side.legIds).toEqual(['supervisor']);

    await second.room.destroy();
    await expect(side.closed).resolves.toBe('destroyed');
    expect(pool.hasSideRoom('call-2')).toBe(false);
    await expect(pool.sideRoomOf('call-2')).rejects.toMatchObject({ code: 'room_closed' });
  }, 30_000);

  it('opens with the engines that answer, and refuses when none does', async () => {
    const nobody = `ws://127.0.0.1:${await freeTcpPort('127.0.0.1')}`;
    const partial = await EnginePool.open([
      { name: 'gone', url: nobody },
      { name: 'here', url: engines[1]?.url ?? '' },
    ]);
    expect(partial.live).toEqual(['here']);
    expect((await partial.createRoom('call-9')).engine).toBe('here');
    await partial.close();
    await expect(EnginePool.open([{ name: 'gone', url: nobody }])).rejects.toMatchObject({
      code: 'engine_lost',
    });
  }, 30_000);
});
