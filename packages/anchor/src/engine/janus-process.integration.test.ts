import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freeTcpPort } from './free-port';
import { janusServerName } from './janus-info';
import { JanusProcess } from './janus-process';

describe('JanusProcess', () => {
  let squatter: Server | null = null;

  afterEach(async () => {
    await new Promise<void>((resolve) => (squatter ? squatter.close(() => resolve()) : resolve()));
    squatter = null;
  });

  it('starts a janus that answers as itself, and stops it', async () => {
    const engine = await JanusProcess.start();
    expect(engine.running).toBe(true);
    expect(await janusServerName(engine.url)).toMatch(/^ringside-anchor-[0-9a-f]{8}$/);
    await engine.stop();
    await expect(engine.exited).resolves.toMatchObject({ expected: true });
    expect(engine.running).toBe(false);
    expect(await janusServerName(engine.url)).toBeNull();
  }, 20_000);

  it('does not take another server on its port for janus', async () => {
    const port = await freeTcpPort('127.0.0.1');
    squatter = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter?.listen(port, '127.0.0.1', resolve));
    await expect(JanusProcess.start({ wsPort: port, startTimeoutMs: 3000 })).rejects.toMatchObject({
      code: 'engine_start_failed',
    });
  }, 20_000);

  it('says what is missing when janus is not installed or cannot run', async () => {
    await expect(JanusProcess.start({ libFolder: '/nonexistent/janus' })).rejects.toMatchObject({
      code: 'engine_not_installed',
    });
    await expect(JanusProcess.start({ binary: '/nonexistent/janus' })).rejects.toMatchObject({
      code: 'engine_start_failed',
      message: expect.stringContaining('janus could not be run'),
    });
    expect(existsSync('/nonexistent/janus')).toBe(false);
  }, 20_000);
});
