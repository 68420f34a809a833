import type { SocketData } from '@ringside/contracts';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repos } from '../repos';
import { disconnectUser } from './socket-auth';
import {
  connected,
  createTestUser,
  postJson,
  signIn,
  socketClient,
  useAuthFixture,
  type AuthFixture,
  type TestAuthServer,
} from '../testing/test-auth-server';

const fixture = useAuthFixture();
let repos: Repos;
let workspaceId: string;
let start: AuthFixture['start'];
const clients: ClientSocket[] = [];

beforeEach(() => {
  ({ repos, workspaceId, start } = fixture());
});

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

function client(server: TestAuthServer, headers: Record<string, string>) {
  const socket = socketClient(server, headers);
  clients.push(socket);
  return socket;
}

/** the server-side data of every connected socket */
async function serverSideData(server: TestAuthServer): Promise<SocketData[]> {
  return (await server.io.fetchSockets()).map((socket) => socket.data);
}

function disconnection(socket: ClientSocket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

describe('socket auth', () => {
  it('lets in a signed-in browser from the console origin and sets socket.data', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId, 'supervisor');
    const cookie = await signIn(server, asha);

    const socket = client(server, { origin: server.origin, cookie });
    await connected(socket);

    expect(socket.connected).toBe(true);
    expect(await serverSideData(server)).toEqual([
      { userId: asha.user.id, workspaceId, role: 'supervisor', name: 'Test supervisor' },
    ]);
  });

  type Headers = Record<string, string>;
  it.each<[string, string, (origin: string, cookie: string) => Headers]>([
    [
      'a foreign origin',
      'origin not allowed',
      (_o, cookie) => ({ origin: 'https://evil.example', cookie }),
    ],
    ['no origin', 'origin not allowed', (_o, cookie) => ({ cookie })],
    ['no cookie', 'unauthorized', (origin) => ({ origin })],
    [
      'a forged cookie',
      'unauthorized',
      (origin) => ({ origin, cookie: 'ringside_session=forged' }),
    ],
  ])('refuses %s with "%s"', async (_case, message, headersFor) => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);

    const socket = client(server, headersFor(server.origin, cookie));

    await expect(connected(socket)).rejects.toMatchObject({ message });
    expect(await serverSideData(server)).toEqual([]);
  });

  it('refuses the cookie of a session that was logged out', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);
    await postJson(server, '/api/auth/logout', {}, { cookie });

    const socket = client(server, { origin: server.origin, cookie });

    await expect(connected(socket)).rejects.toMatchObject({ message: 'unauthorized' });
  });

  it('drops only the logged-out sign-in when a user logs out in one of two browsers', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const laptop = await signIn(server, asha);
    const phone = await signIn(server, asha);
    const onLaptop = client(server, { origin: server.origin, cookie: laptop });
    const onPhone = client(server, { origin: server.origin, cookie: phone });
    await Promise.all([connected(onLaptop), connected(onPhone)]);
    const dropped = disconnection(onLaptop);

    await postJson(server, '/api/auth/logout', {}, { cookie: laptop });

    expect(await dropped).toBe('io server disconnect');
    expect(onPhone.connected).toBe(true);
  });

  it('disconnectUser drops every socket of that user and no one else', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const ravi = await createTestUser(repos, workspaceId);
    const ashaCookie = await signIn(server, asha);
    const ashaTabs = [
      client(server, { origin: server.origin, cookie: ashaCookie }),
      client(server, { origin: server.origin, cookie: ashaCookie }),
    ];
    const raviTab = client(server, { origin: server.origin, cookie: await signIn(server, ravi) });
    await Promise.all([...ashaTabs, raviTab].map(connected));
    const dropped = Promise.all(ashaTabs.map(disconnection));

    disconnectUser(server.io, asha.user.id);

    expect(await dropped).toEqual(['io server disconnect', 'io server disconnect']);
    expect(raviTab.connected).toBe(true);
    expect((await serverSideData(server)).map((data) => data.userId)).toEqual([ravi.user.id]);
  });
});
