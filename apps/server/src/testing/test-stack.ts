import type { Role } from '@ringside/contracts';
import { signMetaPayload } from '@ringside/contracts/signature';
import {
  createMetaSim,
  DEFAULT_PERMISSION_TEMPLATE,
  type MetaSim,
  type MetaSimOptions,
  type RecordedRequest,
  type SimMessengerPage,
  type SimWhatsAppNumber,
} from '@ringside/meta-sim';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { capturedLogger } from './test-auth-server';
import type { AppOptions, RingsideApp } from '../create-app';
import type { Database } from '../db/database';
import { openTestDatabase, type Engine } from './test-databases';
import type { RingSettings } from '../repos';
import { startTestServer } from './server-builder';
import { command, waitUntil, type ConsoleSocket } from './socket-helpers';

export { command, nextEvent, recordEvents, settle, waitUntil } from './socket-helpers';
export type { ConsoleSocket, ReceivedEvent } from './socket-helpers';

export const ORIGIN = 'http://localhost:3000';

// one simulator number and Page per test workspace, so tests sharing a stack never share calls
const NUMBERS: SimWhatsAppNumber[] = Array.from({ length: 24 }, (_, i) => ({
  phoneNumberId: `1150178315306${String(i).padStart(2, '0')}`,
  wabaId: '114255454940862',
  displayPhoneNumber: `155501001${String(i).padStart(2, '0')}`,
  accessToken: `sim-token-wa-${i}-6d1f0c`,
}));
const PAGES: SimMessengerPage[] = Array.from({ length: 24 }, (_, i) => ({
  pageId: `1063786255163${String(i).padStart(2, '0')}`,
  name: `Test Page ${i}`,
  accessToken: `sim-token-page-${i}-92ab4e`,
}));
export const APP_SECRET = 'test-app-secret-7f3a';
const PASSWORD = 'correct horse battery staple';

export interface StackOptions {
  engine?: Engine;
  sim?: MetaSimOptions;
  /** Graph API base URL override (a scripted Meta); the simulator's otherwise */
  graphBaseUrl?: string;
  graph?: AppOptions['graph'];
  /** how long an outbound call may ring unanswered (the app's default otherwise) */
  noPickupMs?: number;
  /** the timer sweep's period and grace (the app's defaults otherwise) */
  timerSweep?: AppOptions['timerSweep'];
  /** the Graph action worker's period (the app's default otherwise) */
  graphWorker?: AppOptions['graphWorker'];
  /** how often the server corrects console counts left by a server that died */
  ghostSweep?: AppOptions['ghostSweep'];
  /** where a call's arrival or an agent's status change can be held (race-gates.ts) */
  racePoints?: AppOptions['racePoints'];
  /** session lifetime and sweep, login throttle (the test-only scrypt cost is always set) */
  auth?: AppOptions['auth'];
  /** abuse limits to lower (the app's defaults otherwise) */
  limits?: AppOptions['limits'];
  /** whose X-Forwarded-For is believed (the app's default, loopback, otherwise) */
  trustProxy?: AppOptions['trustProxy'];
  /** how failing webhook events are retried before they become dead letters */
  webhookRetries?: AppOptions['webhookRetries'];
  /** the STUN and TURN servers consoles are given (none otherwise) */
  ice?: AppOptions['ice'];
  /** the recording fetcher's period and retries (the app's defaults otherwise) */
  mediaWorker?: AppOptions['mediaWorker'];
  /** the media engines of anchored channels (none otherwise: every call direct) */
  anchor?: AppOptions['anchor'];
  /** how long an anchored call waits for its agent's closed tab to rejoin (15 s otherwise) */
  anchorRejoinGraceMs?: AppOptions['anchorRejoinGraceMs'];
  /** the hold music anchored calls play (made at start-up otherwise) */
  anchorHoldMusic?: AppOptions['anchorHoldMusic'];
  /** how long a colleague's console rings with a transfer (30 s otherwise) */
  transferRingMs?: AppOptions['transferRingMs'];
  /** how often a queued caller hears their place again (30 s otherwise) */
  anchorPlaceReminderMs?: AppOptions['anchorPlaceReminderMs'];
}

export interface Stack {
  app: RingsideApp;
  sim: MetaSim;
  /** the simulator's Graph API, as the server reaches it (base URL and version) */
  graphApi: { baseUrl: string; version: string };
  /** the app's database (tests that make it fail on purpose) */
  database: Database;
  url: string;
  logs: string[];
  workspace(name?: string): Promise<TestWorkspace>;
  /** signs in; resolves with the `ringside_session=…` cookie pair */
  signIn(email: string): Promise<string>;
  /** a REST request with a session cookie (and the console's Origin) */
  request(cookie: string, path: string, init?: RequestInit): Promise<Response>;
  /**
   * signs in and connects a console socket, waiting for the connection; `beforeConnect` sees the
   * socket first, so listeners catch what the server sends on connection
   */
  connect(
    email: string,
    options?: { beforeConnect?: (socket: ConsoleSocket) => void },
  ): Promise<ConsoleSocket>;
  /** resolves once the simulator has sent every webhook and the server has processed them */
  settled(): Promise<void>;
  /**
   * the Graph requests the simulator answered for a call, once there are at least `atLeast`
   * (the simulator logs a request after it has acted on it, so waiting on the call's state is
   * not enough)
   */
  graphRequests(callId: string, atLeast?: number): Promise<RecordedRequest[]>;
  /** disconnects every socket opened so far (between tests) */
  disconnectAll(): void;
  /** posts a body to the webhook endpoint, signed unless told otherwise */
  postWebhook(body: string, signature?: string | null): Promise<Response>;
  /**
   * stops the server as a process exit would (consoles dropped, timers gone, nothing kept in
   * memory), runs `between` while it is down, then starts a new one on the same database; `app`
   * and `url` name the new one after
   */
  restart(between?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface TestWorkspace {
  id: string;
  /** this workspace's own simulator number and Page: calls to them ring only here */
  phoneNumberId: string;
  /** the WhatsApp number as people dial it, `+1555…` */
  displayNumber: string;
  pageId: string;
  whatsappChannelId: string;
  messengerChannelId: string;
  /** the channels' access tokens: secrets that must never leave the server */
  accessTokens: readonly string[];
  addUser(role: Role, name?: string): Promise<TestUser>;
  /** an agent signed in with a connected console, set available */
  agent(name?: string): Promise<TestUser & { socket: ConsoleSocket }>;
  setRing(channel: 'whatsapp' | 'messenger', settings: RingSettings): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The whole server on port 0 against the Meta simulator (its own port) and a fresh database, with
 * helpers to make workspaces, users and connected console sockets. Everything it starts, `close`
 * stops.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const database = await openTestDatabase(options.engine ?? 'pglite');
  const sim = createMetaSim({
    appSecret: APP_SECRET,
    webhookUrl: null,
    numbers: NUMBERS,
    pages: PAGES,
    webhooks: { retry: { baseDelayMs: 20, maxAttempts: 5 } },
    ...options.sim,
  });
  const simUrl = await sim.listen(0);
  const { engine: _engine, sim: _sim, graphBaseUrl, ...appOptions } = options;
  // one log across restarts
  const { logger, lines } = capturedLogger();
  // a restart makes a new app on the same database, as the next process would
  const boot = async () => {
    const { app: started, url: listening } = await startTestServer({
      database,
      origin: ORIGIN,
      appSecret: APP_SECRET,
      graphApi: { baseUrl: graphBaseUrl ?? simUrl, version: sim.graphVersion },
      logger,
      sim,
      app: {
        ...appOptions,
        // the tests' receivers listen on 127.0.0.1
        outgoingWebhooks: { allowPrivateNetwork: true },
      },
    });
    return { started, listening };
  };
  let { started: app, listening: url } = await boot();
  const sockets: ConsoleSocket[] = [];
  let workspaces = 0;

  async function signIn(email: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ringside_session='));
    if (!cookie) throw new Error('no session cookie');
    return cookie.split(';')[0] ?? '';
  }

  async function connect(
    email: string,
    options: { beforeConnect?: (socket: ConsoleSocket) => void } = {},
  ): Promise<ConsoleSocket> {
    const cookie = await signIn(email);
    const socket: ConsoleSocket = connectSocket(url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: ORIGIN },
      reconnection: false,
      autoConnect: false,
    });
    sockets.push(socket);
    options.beforeConnect?.(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
      socket.connect();
    });
    return socket;
  }

  return {
    get app() {
      return app;
    },
    sim,
    graphApi: { baseUrl: simUrl, version: sim.graphVersion },
    database,
    get url() {
      return url;
    },
    logs: lines,
    signIn,
    request(cookie, path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      headers.set('origin', ORIGIN);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async workspace(name) {
      const number = NUMBERS[workspaces];
      const simPage = PAGES[workspaces];
      workspaces += 1;
      if (!number || !simPage)
        throw new Error(`the test stack has room for ${NUMBERS.length} workspaces`);
      const ws = await app.repos.workspaces.createWorkspace(name ?? `Workspace ${workspaces}`);
      const wa = await app.repos.channels.createWhatsAppChannel({
        workspaceId: ws.id,
        phoneNumberId: number.phoneNumberId,
        wabaId: number.wabaId,
        displayNumber: `+${number.displayPhoneNumber}`,
        accessToken: number.accessToken,
      });
      const page = await app.repos.channels.createMessengerChannel({
        workspaceId: ws.id,
        pageId: simPage.pageId,
        name: simPage.name,
        accessToken: simPage.accessToken,
      });
      if (!wa.ok || !page.ok) throw new Error('could not create the test channels');
      // as a business set up for outbound calls (WhatsApp's 24-hour window, *Service messages*)
      await app.repos.permissionTemplates.set(ws.id, wa.channel.id, DEFAULT_PERMISSION_TEMPLATE);
      const channelIds = { whatsapp: wa.channel.id, messenger: page.channel.id };
      async function addUser(role: Role, name?: string): Promise<TestUser> {
        const email = `${role}.${Math.random().toString(36).slice(2)}@example.com`;
        const userName = name ?? `${role} ${email.slice(role.length + 1, role.length + 5)}`;
        const created = await app.repos.users.createUser({
          workspaceId: ws.id,
          email,
          name: userName,
          passwordHash: await hashPassword(PASSWORD, TEST_ONLY_SCRYPT_COST),
          role,
        });
        if (!created.ok) throw new Error(created.error.message);
        return { id: created.user.id, email, name: userName };
      }
      return {
        id: ws.id,
        phoneNumberId: number.phoneNumberId,
        displayNumber: `+${number.displayPhoneNumber}`,
        pageId: simPage.pageId,
        whatsappChannelId: wa.channel.id,
        messengerChannelId: page.channel.id,
        accessTokens: [number.accessToken, simPage.accessToken],
        addUser,
        async agent(name) {
          const user = await addUser('agent', name);
          const socket = await connect(user.email);
          const ack = await command(socket, 'agent:set-status', { status: 'available' });
          if (!ack.ok)
            throw new Error(`could not set ${user.name} available: ${ack.error.message}`);
          return { ...user, socket };
        },
        async setRing(channel, settings) {
          await app.repos.channels.updateChannel(ws.id, channelIds[channel], settings);
        },
      };
    },
    connect,
    async settled() {
      await sim.webhooksSettled();
      await app.processor.idle();
    },
    async graphRequests(callId, atLeast = 1) {
      await waitUntil(
        `Meta hears ${atLeast} request(s) for ${callId}`,
        () => sim.requests({ callId }).length >= atLeast,
      );
      return sim.requests({ callId });
    },
    disconnectAll() {
      for (const socket of sockets.splice(0)) socket.disconnect();
    },
    postWebhook(body, signature) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const sig = signature === undefined ? signMetaPayload(body, APP_SECRET) : signature;
      if (sig !== null) headers['x-hub-signature-256'] = sig;
      return fetch(`${url}/webhooks/meta`, { method: 'POST', headers, body });
    },
    async restart(between) {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await app.close();
      await between?.();
      ({ started: app, listening: url } = await boot());
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await sim.close();
      await app.close();
      await database.close();
    },
  };
}

export { PASSWORD };

/**
 * One stack per test file (starting a database is slow): started before the file's tests,
 * sockets dropped after each test, everything closed after the file.
 */
export function useStack(options: StackOptions | (() => Promise<StackOptions>) = {}): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(typeof options === 'function' ? await options() : options);
  });
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' && stack)
      process.stdout.write(stack.logs.slice(-60).join(''));
    stack?.disconnectAll();
  });
  afterAll(async () => {
    await stack?.close();
  });
  return () => {
    if (!stack) throw new Error('the test stack did not start');
    return stack;
  };
}
