import { describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { ORIGIN, useStack, waitUntil } from '../testing/test-stack';
import { agentRoom } from './rooms';

const stack = useStack({ limits: { socketsPerUser: 2 } });

describe('consoles per user', () => {
  it('refuses one more console than the cap with a reason the console can show', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const first = await stack().connect(agent.email);
    await stack().connect(agent.email);

    const refused = await stack()
      .connect(agent.email)
      .then(
        () => undefined,
        (error: unknown) => error as Error & { data?: unknown },
      );
    expect(refused?.message).toBe('too many consoles');
    expect(refused?.data).toEqual({
      code: 'too_many_consoles',
      message: expect.stringContaining('2 Ringside consoles open'),
    });
    const open = () => stack().app.io.in(agentRoom(agent.id)).fetchSockets();
    expect(await open()).toHaveLength(2);

    // someone else is not held to this user's consoles
    await stack().connect((await ws.addUser('agent')).email);

    // closing one makes room for another
    first.disconnect();
    await waitUntil('the server saw the console close', async () => (await open()).length === 1);
    await stack().connect(agent.email);
    expect(await open()).toHaveLength(2);
  });

  it('holds when consoles open all at once', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    // signed in first, so the four handshakes really arrive together
    const cookies = await Promise.all([1, 2, 3, 4].map(() => stack().signIn(agent.email)));
    const sockets = cookies.map((cookie) =>
      connectSocket(stack().url, {
        transports: ['websocket'],
        extraHeaders: { cookie, origin: ORIGIN },
        reconnection: false,
      }),
    );
    try {
      const outcomes = await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<string>((resolve) => {
              socket.once('connect', () => resolve('connected'));
              socket.once('connect_error', (error) => resolve(error.message));
            }),
        ),
      );
      expect(outcomes.sort()).toEqual([
        'connected',
        'connected',
        'too many consoles',
        'too many consoles',
      ]);
      expect(await stack().app.io.in(agentRoom(agent.id)).fetchSockets()).toHaveLength(2);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });
});
