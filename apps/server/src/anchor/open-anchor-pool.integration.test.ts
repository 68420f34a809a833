import { createServer } from 'node:net';
import { AnchorEngine, JanusProcess } from '@ringside/anchor';
import { describe, expect, it } from 'vitest';
import { capturedLogger } from '../testing/test-auth-server';
import { openAnchorPool } from './open-anchor-pool';

/** a loopback port nothing listens on: bound once by us, then released */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('opening the media engines at start-up', () => {
  it('has no pool without ANCHOR_ENGINES, and starts without one (logged) when no engine answers', async () => {
    const { logger, lines } = capturedLogger();
    expect(await openAnchorPool([], logger)).toBeUndefined();
    expect(lines).toEqual([]);

    const url = `ws://127.0.0.1:${await closedPort()}`;
    expect(await openAnchorPool([{ name: 'janus-a', url }], logger)).toBeUndefined();
    expect(lines.join('')).toContain(
      'no media engine answers: calls on anchored channels go straight to the agent',
    );
  });

  it('destroys the rooms an earlier server left on an engine', async () => {
    const engine = await JanusProcess.start();
    const earlier = await AnchorEngine.connect(engine.url);
    try {
      await earlier.createRoom('wacid.left-behind');
      const { logger, lines } = capturedLogger();
      const pool = await openAnchorPool([{ name: 'janus-a', url: engine.url }], logger);
      await pool?.close();
      const swept = lines.find((line) =>
        line.includes('destroyed rooms left by an earlier server'),
      );
      expect(swept).toContain('"rooms":1');
    } finally {
      await earlier.close();
      await engine.stop();
    }
  }, 30_000);
});
