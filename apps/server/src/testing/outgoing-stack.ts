// test-only: the whole server on a PGlite data dir that survives a restart, with fast retries
import type { Role } from '@ringside/contracts';
import { signMetaPayload } from '@ringside/contracts/signature';
import { createMetaSim, type MetaSim } from '@ringside/meta-sim';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectSocket } from 'socket.io-client';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { capturedLogger } from './test-auth-server';
import type { RingsideApp } from '../create-app';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { createSecretBox } from '../db/secret-box';
import { createRepos, type Repos } from '../repos';
import { startTestServer } from './server-builder';
import { command, type ConsoleSocket } from './socket-helpers';
import type { DispatcherOptions } from '../outbox/dispatcher';

const ORIGIN = 'http://localhost:3000';
const APP_SECRET = 'outgoing-stack-app-secret';
const PASSWORD = 'correct horse battery staple';
const SECRETS_KEY = Buffer.alloc(32, 5).toString('base64');
const NUMBER = {
  phoneNumberId: '115017831539901',
  wabaId: '114255454940862',
  displayPhoneNumber: '15550109901',
  accessToken: 'sim-token-outgoing-wa-1f2e3d',
};

/** Retries in tens of milliseconds, so a test sees several attempts quickly. */
export const FAST_DELIVERY: DispatcherOptions = {
  pollMs: 30,
  requestTimeoutMs: 2_000,
  retry: { baseMs: 40, maxMs: 160, maxAttempts: 50 },
};

export interface OutgoingStack {
  readonly sim: MetaSim;
  readonly app: RingsideApp;
  readonly url: string;
  readonly workspaceId: string;
  readonly phoneNumberId: string;
  readonly logs: string[];
  addUser(role: Role): Promise<{ id: string; email: string }>;
  signIn(email: string): Promise<string>;
  request(cookie: string, path: string, init?: RequestInit): Promise<Response>;
  /** posts a body to the Meta webhook endpoint, signed as Meta would */
  postWebhook(body: string): Promise<Response>;
  /** signs in and connects a console set available */
  agent(): Promise<{ id: string; socket: ConsoleSocket }>;
  /** stops the server and closes the database, runs `between` on it reopened, starts anew */
  restart(between?: (repos: Repos) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * One workspace with one simulator number, on a PGlite data dir in a temp folder: `restart`
 * stops the server and its database as a process exit would (nothing kept in memory), then
 * starts a new one on the same files.
 */
export async function startOutgoingStack(
  options: DispatcherOptions = FAST_DELIVERY,
): Promise<OutgoingStack> {
  const root = mkdtempSync(join(tmpdir(), 'ringside-outgoing-'));
  const dataDir = join(root, 'data');
  const sim = createMetaSim({
    appSecret: APP_SECRET,
    webhookUrl: null,
    numbers: [NUMBER],
    pages: [],
    webhooks: { retry: { baseDelayMs: 20, maxAttempts: 5 } },
  });
  const simUrl = await sim.listen(0);
  const { logger, lines } = capturedLogger();
  const box = createSecretBox(SECRETS_KEY);
  const sockets: ConsoleSocket[] = [];
  let database: Database;
  let app: RingsideApp;
  let url: string;

  async function boot(): Promise<void> {
    ({ app, url } = await startTestServer({
      database,
      origin: ORIGIN,
      appSecret: APP_SECRET,
      graphApi: { baseUrl: simUrl, version: sim.graphVersion },
      secretBox: box,
      logger,
      sim,
      simulatorDrawer: false,
      // the tests' receivers listen on 127.0.0.1
      app: { outgoingWebhooks: { allowPrivateNetwork: true, ...options } },
    }));
  }

  database = await openDatabase({ dataDir });
  const seedRepos = createRepos(database.db, box);
  const workspace = await seedRepos.workspaces.createWorkspace('Outgoing');
  const channel = await seedRepos.channels.createWhatsAppChannel({
    workspaceId: workspace.id,
    phoneNumberId: NUMBER.phoneNumberId,
    wabaId: NUMBER.wabaId,
    displayNumber: `+${NUMBER.displayPhoneNumber}`,
    accessToken: NUMBER.accessToken,
  });
  if (!channel.ok) throw new Error(channel.error.message);
  await boot();

  async function signIn(email: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ringside_session='));
    if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
    return cookie.split(';')[0] ?? '';
  }

  async function addUser(role: Role) {
    const email = `${role}.${Math.random().toString(36).slice(2)}@example.com`;
    const created = await app.repos.users.createUser({
      workspaceId: workspace.id,
      email,
      name: `${role} ${email.slice(role.length + 1, role.length + 5)}`,
      passwordHash: await hashPassword(PASSWORD, TEST_ONLY_SCRYPT_COST),
      role,
    });
    if (!created.ok) throw new Error(created.error.message);
    return { id: created.user.id, email };
  }

  return {
    sim,
    get app() {
      return app;
    },
    get url() {
      return url;
    },
    workspaceId: workspace.id,
    phoneNumberId: NUMBER.phoneNumberId,
    logs: lines,
    addUser,
    signIn,
    request(cookie, path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      headers.set('origin', ORIGIN);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    postWebhook(body) {
      return fetch(`${url}/webhooks/meta`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signMetaPayload(body, APP_SECRET),
        },
        body,
      });
    },
    async agent() {
      const user = await addUser('agent');
      const cookie = await signIn(user.email);
      const socket: ConsoleSocket = connectSocket(url, {
        transports: ['websocket'],
        extraHeaders: { cookie, origin: ORIGIN },
        reconnection: false,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const ack = await command(socket, 'agent:set-status', { status: 'available' });
      if (!ack.ok) throw new Error(ack.error.message);
      return { id: user.id, socket };
    },
    async restart(between) {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await app.close();
      await database.close();
      database = await openDatabase({ dataDir });
      if (between) await between(createRepos(database.db, box));
      await boot();
    },
    async close() {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await sim.close();
      await app.close();
      await database.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
