// the fuzz of the webhook endpoint and every console command, at a given size: the soak runs
// 10,000s of cases (fuzz.soak.ts), CI a few hundred (fuzz.integration.test.ts)
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  recordEvents,
  useStack,
  waitUntil,
  type ConsoleSocket,
  type TestWorkspace,
} from '../src/testing/test-stack';
import { watchSecrets, type SecretWatch } from './fuzz-secrets';
import { emitCase, socketCases } from './fuzz-sockets';
import { postCase, webhookCases } from './fuzz-webhook';

const UNLIMITED = { burst: 1_000_000, perMinute: 1_000_000 };

export function fuzzSuite(runs: { webhook: number; socket: number }) {
  const stack = useStack({
    limits: {
      socketsPerUser: 1_000,
      permissionRequestsPerHour: 1_000_000,
      webhooksInFlight: 1_000,
      commandRates: { status: UNLIMITED, call: UNLIMITED, quality: UNLIMITED, dial: UNLIMITED },
    },
  });
  let ws: TestWorkspace;
  let secrets: SecretWatch;
  const counts = { webhook: 0, socket: 0, reconnects: 0, statuses: {} as Record<number, number> };

  const healthy = async () => {
    expect((await fetch(`${stack().url}/healthz`)).status).toBe(200);
  };

  it(`the webhook endpoint: ${runs.webhook} cases, no 5xx, no secret in a reply`, async () => {
    ws = await stack().workspace();
    secrets = await watchSecrets(stack(), ws, []);
    await fc.assert(
      fc.asyncProperty(webhookCases(ws), async (c) => {
        const status = await postCase(stack().url, c, secrets);
        counts.webhook += 1;
        counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
        if (counts.webhook % 500 === 0) await healthy();
      }),
      { numRuns: runs.webhook },
    );
    // what was stored is processed without taking the server down
    await stack().app.processor.idle();
    await healthy();
    process.stdout.write(
      `webhook fuzz: ${counts.webhook} cases, statuses ${JSON.stringify(counts.statuses)}\n`,
    );
  });

  it(`every console command: ${runs.socket} cases, an acknowledgement without secrets, no crash`, async () => {
    const roles = ['agent', 'supervisor', 'admin'] as const;
    const users = await Promise.all(roles.map((role) => ws.addUser(role)));
    const cookies = await Promise.all(users.map((u) => stack().signIn(u.email)));
    secrets = await watchSecrets(
      stack(),
      ws,
      users.map((u, i) => ({ email: u.email, cookie: cookies[i] ?? '' })),
    );
    const sockets: ConsoleSocket[] = await Promise.all(users.map((u) => stack().connect(u.email)));
    // calls ringing the agent, so commands also name real calls
    const agentEvents = recordEvents(sockets[0] as ConsoleSocket);
    await (sockets[0] as ConsoleSocket).emitWithAck('agent:set-status', { status: 'available' });
    for (let i = 0; i < 3; i += 1)
      await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await waitUntil('three calls ring', () => agentEvents.of('call:ringing').length >= 3);
    const known = {
      callIds: agentEvents.of('call:ringing').map((r) => r.callId),
      channelIds: [ws.whatsappChannelId, ws.messengerChannelId],
    };
    // session ids also travel in the sockets' cookies: none may come back in an event either
    for (const [i, socket] of sockets.entries()) {
      socket.onAny((event: string, payload: unknown) => {
        const leaked = secrets.found(JSON.stringify(payload) ?? '');
        if (leaked.length > 0)
          throw new Error(`${roles[i]} got ${event} carrying ${leaked.join(', ')}`);
      });
    }
    let turn = 0;
    await fc.assert(
      fc.asyncProperty(socketCases(known), async (c) => {
        const i = turn % sockets.length;
        turn += 1;
        let socket = sockets[i] as ConsoleSocket;
        if (!socket.connected) {
          counts.reconnects += 1;
          socket = await stack().connect(users[i]?.email ?? '');
          sockets[i] = socket;
        }
        await emitCase(socket, c, secrets);
        counts.socket += 1;
        if (counts.socket % 500 === 0) await healthy();
      }),
      { numRuns: runs.socket },
    );
    await healthy();
    process.stdout.write(
      `socket fuzz: ${counts.socket} cases over ${sockets.length} consoles, ${counts.reconnects} reconnects; total ${counts.webhook + counts.socket}\n`,
    );
  });
}
