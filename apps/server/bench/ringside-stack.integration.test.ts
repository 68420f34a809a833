import type { ClientToServerEvents, ServerToClientEvents } from '@ringside/contracts';
import { META_SIGNATURE_HEADER, signMetaPayload } from '@ringside/contracts/signature';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/auth/passwords';
import { createPoster, type Poster } from './http-post';
import { BENCH_ORIGIN, startRingside, type RingsideStack } from './ringside-stack';
import { whatsappPairs } from './webhook-bodies';

// what the benches take for granted about the server they measure
const SECRET = 'stack-test-secret';
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('the bench’s Ringside stack', () => {
  let stack: RingsideStack;
  let poster: Poster;
  const logFile = join(tmpdir(), `ringside-bench-test-${process.pid}.log`);
  const sockets: Client[] = [];
  const pairs = () =>
    whatsappPairs({ phoneNumberId: stack.phoneNumberId, runTag: String(Math.random()) });
  const signed = (body: string) => ({ [META_SIGNATURE_HEADER]: signMetaPayload(body, SECRET) });

  beforeAll(async () => {
    stack = await startRingside({
      appSecret: SECRET,
      logFile,
    });
    poster = createPoster(stack.webhookUrl, 2);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    poster?.close();
    await stack?.close();
    rmSync(logFile, { force: true });
  });

  it('acknowledges a signed pair and ends the call without asking Meta anything', async () => {
    const pair = pairs()(0);
    expect(await poster.post(pair.connect, signed(pair.connect))).toBe(200);
    expect(await poster.post(pair.terminate, signed(pair.terminate))).toBe(200);
    await stack.app.processor.idle();
    const live = await stack.app.repos.calls.liveCalls(stack.workspaceId);
    expect(live).toEqual([]);
    expect(stack.graph.requests).toEqual([]);
  });

  it('refuses a body signed with another secret', async () => {
    const pair = pairs()(0);
    const forged = { [META_SIGNATURE_HEADER]: signMetaPayload(pair.connect, 'not-the-secret') };
    expect(await poster.post(pair.connect, forged)).toBe(401);
  });

  it('gives agents cookies that open a console socket, and rings them once available', async () => {
    const [cookie] = await stack.addAgents(1, await hashPassword('pw'));
    const socket: Client = connectSocket(stack.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: cookie ?? '', origin: BENCH_ORIGIN },
      forceNew: true,
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = await socket.emitWithAck('agent:set-status', { status: 'available' });
    expect(ack.ok).toBe(true);

    const pair = pairs()(7);
    const ringing = new Promise<Parameters<ServerToClientEvents['call:ringing']>[0]>((resolve) =>
      socket.once('call:ringing', resolve),
    );
    expect(await poster.post(pair.connect, signed(pair.connect))).toBe(200);
    expect((await ringing).caller).toMatchObject({ number: `+${pair.from}` });

    const ended = new Promise((resolve) => socket.once('call:ended', resolve));
    expect(await poster.post(pair.terminate, signed(pair.terminate))).toBe(200);
    await expect(ended).resolves.toMatchObject({ outcome: 'missed' });
  });

  it('refuses a socket whose cookie is not a session', async () => {
    const socket: Client = connectSocket(stack.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: 'ringside_session=made-up', origin: BENCH_ORIGIN },
      forceNew: true,
      reconnection: false,
    });
    sockets.push(socket);
    const refused = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(refused.message).toBe('unauthorized');
  });
});
