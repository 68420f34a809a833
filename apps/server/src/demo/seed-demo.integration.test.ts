import { DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER } from '@ringside/meta-sim';
import { count } from 'drizzle-orm';
import { io as connectSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, users, workspaces } from '../db/schema';
import { SCRYPT_COST, TEST_ONLY_SCRYPT_COST, type ScryptCost } from '../auth/passwords';
import type { UnitOfWork } from '../repos/unit-of-work';
import {
  command,
  nextEvent,
  ORIGIN,
  recordEvents,
  settle,
  useStack,
  type ConsoleSocket,
} from '../testing/test-stack';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed-demo';

// the simulator serves the demo number and Page, as it does under `pnpm start`
const stack = useStack({
  sim: { numbers: [DEMO_WHATSAPP_NUMBER], pages: [DEMO_MESSENGER_PAGE] },
});
const demoChannels = { number: DEMO_WHATSAPP_NUMBER, page: DEMO_MESSENGER_PAGE };
// the stack signs in at the test-only cost too, so these hashes are not upgraded at sign-in
const testCost = { testOnlyPasswordCost: TEST_ONLY_SCRYPT_COST };
const costOf = (passwordHash: string | undefined) => passwordHash?.split('$').slice(1, 4).join('$');
const asText = ({ N, r, p }: ScryptCost) => `${N}$${r}$${p}`;

const sockets: ConsoleSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function rowCounts() {
  const { db } = stack().database;
  const [ws] = await db.select({ n: count() }).from(workspaces);
  const [us] = await db.select({ n: count() }).from(users);
  const [ch] = await db.select({ n: count() }).from(channels);
  return { workspaces: ws?.n, users: us?.n, channels: ch?.n };
}

function signIn(email: string, password: string): Promise<Response> {
  return fetch(`${stack().url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
}

/** a demo user's console, signed in with the demo password */
async function demoConsole(email: string): Promise<ConsoleSocket> {
  const res = await signIn(email, DEMO_PASSWORD);
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('ringside_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  const socket: ConsoleSocket = connectSocket(stack().url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: ORIGIN },
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

// the tests build on each other, as successive `pnpm start`s of one data directory do
describe('the demo workspace', () => {
  it('is not left half-made by a first start that stops partway: nothing of it is kept', async () => {
    const before = await rowCounts();
    const madeBeforeTheStop: string[] = [];
    const hashesMade: string[] = [];
    // the process dies as the Page is about to be added: the workspace, users and number are in
    const stopsAtThePage: UnitOfWork = (work) =>
      stack().app.unitOfWork((repos, tx) =>
        work(
          {
            ...repos,
            users: {
              ...repos.users,
              createUser: async (user) => {
                const created = await repos.users.createUser(user);
                if (created.ok) madeBeforeTheStop.push(user.email);
                hashesMade.push(user.passwordHash);
                return created;
              },
            },
            channels: {
              ...repos.channels,
              createWhatsAppChannel: async (number) => {
                const created = await repos.channels.createWhatsAppChannel(number);
                if (created.ok) madeBeforeTheStop.push(number.phoneNumberId);
                return created;
              },
              createMessengerChannel: () => Promise.reject(new Error('the process stopped')),
            },
          },
          tx,
        ),
      );
    // as `pnpm start` calls it: no cost given, so the demo password gets the real one
    await expect(seedDemo(stopsAtThePage, demoChannels)).rejects.toThrow('the process stopped');
    expect(new Set(hashesMade.map(costOf))).toEqual(new Set([asText(SCRYPT_COST)]));
    expect(madeBeforeTheStop).toEqual([
      ...DEMO_USERS.map((u) => u.email),
      DEMO_WHATSAPP_NUMBER.phoneNumberId,
    ]);

    expect(await rowCounts()).toEqual(before);
    expect(await stack().app.repos.users.findUserByEmail(DEMO_USERS[0]!.email)).toBeUndefined();
    expect(
      await stack().app.repos.channels.findChannelByExternalId(
        'whatsapp',
        DEMO_WHATSAPP_NUMBER.phoneNumberId,
      ),
    ).toBeUndefined();
  });

  // the next start: it was not "already seeded", so it is seeded whole
  it('is seeded with an admin, a supervisor, two agents, the WhatsApp number and the Page', async () => {
    const before = await rowCounts();
    const seeded = await seedDemo(stack().app.unitOfWork, demoChannels, testCost);
    expect(seeded.created).toBe(true);
    const admin = await stack().app.repos.users.findUserByEmail(DEMO_USERS[0]!.email);
    expect(costOf(admin?.passwordHash)).toBe(asText(TEST_ONLY_SCRYPT_COST));

    const people = await stack().app.repos.users.listUsers(seeded.workspaceId);
    expect(people.map((u) => [u.role, u.email]).sort()).toEqual(
      [
        ['admin', 'admin@demo.ringside.test'],
        ['agent', 'agent1@demo.ringside.test'],
        ['agent', 'agent2@demo.ringside.test'],
        ['supervisor', 'supervisor@demo.ringside.test'],
      ].sort(),
    );
    const lines = await stack().app.repos.channels.listChannels(seeded.workspaceId);
    expect(lines.map((c) => [c.kind, c.externalId, c.tokenSet]).sort()).toEqual(
      [
        ['messenger', DEMO_MESSENGER_PAGE.pageId, true],
        ['whatsapp', DEMO_WHATSAPP_NUMBER.phoneNumberId, true],
      ].sort(),
    );
    expect(lines.find((c) => c.kind === 'whatsapp')?.displayNumber).toBe(
      `+${DEMO_WHATSAPP_NUMBER.displayPhoneNumber}`,
    );
    expect(await rowCounts()).toEqual({
      workspaces: (before.workspaces ?? 0) + 1,
      users: (before.users ?? 0) + 4,
      channels: (before.channels ?? 0) + 2,
    });
  });

  it('seeding again (the next start) finds it and creates nothing', async () => {
    const before = await rowCounts();
    const first = await stack().app.repos.users.findUserByEmail('admin@demo.ringside.test');
    const again = await seedDemo(stack().app.unitOfWork, demoChannels, testCost);
    expect(again).toEqual({ workspaceId: first?.workspaceId, created: false });
    expect(await rowCounts()).toEqual(before);
  });

  it('every demo user signs in with the printed demo password, and not with another', async () => {
    for (const user of DEMO_USERS) {
      const res = await signIn(user.email, DEMO_PASSWORD);
      expect(res.status, user.email).toBe(200);
      expect(await res.json()).toMatchObject({
        email: user.email,
        role: user.role,
        workspaceName: 'Ringside Demo',
      });
    }
    expect((await signIn('agent1@demo.ringside.test', 'not-the-demo-password')).status).toBe(401);
  });

  it('a simulated call to the demo number rings the demo agent who is available', async () => {
    const [alex, bo] = [
      await demoConsole('agent1@demo.ringside.test'),
      await demoConsole('agent2@demo.ringside.test'),
    ];
    expect(await command(alex, 'agent:set-status', { status: 'available' })).toEqual({ ok: true });
    expect(await command(bo, 'agent:set-status', { status: 'away' })).toEqual({ ok: true });
    const boSeen = recordEvents(bo);

    const ringing = nextEvent(alex, 'call:ringing');
    await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      from: '918097530000',
      to: DEMO_WHATSAPP_NUMBER.phoneNumberId,
    });
    const ring = await ringing;
    const demo = await stack().app.repos.users.findUserByEmail('agent1@demo.ringside.test');
    const lines = await stack().app.repos.channels.listChannels(demo?.workspaceId ?? '');
    const whatsapp = lines.find((c) => c.kind === 'whatsapp');
    expect(ring).toMatchObject({
      channel: 'whatsapp',
      caller: { name: 'Rahul', number: '+918097530000' },
      called: { channelId: whatsapp?.id },
    });
    await stack().settled();
    await settle(200);
    expect(boSeen.of('call:ringing')).toEqual([]);
  });
});
