import {
  createMetaSim,
  DEFAULT_PERMISSION_TEMPLATE,
  type CallHandle,
  type MetaSim,
  type MetaSimOptions,
  type SimMessengerPage,
  type SimWhatsAppNumber,
} from '@ringside/meta-sim';
import {
  freePort,
  hashPassword,
  IN_MEMORY,
  openDatabase,
  startTestServer,
  TEST_ONLY_SCRYPT_COST,
  type AppOptions,
  type Database,
  type RingSettings,
  type RingsideApp,
} from '../../apps/server/src/testing/e2e-entry';
import { EnginePool, JanusProcess } from '@ringside/anchor';
import { mediaHost } from '@ringside/anchor/testing';
import { CONSOLE_DIST } from './paths';
import { startTurnServer, type TestTurnServer, type TurnTransport } from './turn-server';

const APP_SECRET = 'e2e-app-secret-51c0';
/** how long an anchored call waits for its agent's closed tab to rejoin, in the e2e stack */
export const E2E_REJOIN_GRACE_MS = 3_000;
/** every seeded agent's password */
export const AGENT_PASSWORD = 'e2e correct horse battery';

// ids shaped like Meta's, as the simulator and the server's schemas expect
const NUMBER: SimWhatsAppNumber = {
  phoneNumberId: '115017831539901',
  wabaId: '114255454949902',
  displayPhoneNumber: '15550109901',
  accessToken: 'e2e-sim-token-whatsapp',
};
const PAGE: SimMessengerPage = {
  pageId: '106378625519903',
  name: 'Ringside E2E Page',
  accessToken: 'e2e-sim-token-messenger',
};

/** an agent the stack created, who signs in through the console */
export interface SeededAgent {
  id: string;
  name: string;
  email: string;
  password: string;
}

export interface StackOptions {
  /** agents to create, by name; default one, "Alex Agent" */
  agents?: readonly string[];
  /** Pages the simulator serves that no workspace owns yet (a spec connects them as an admin) */
  unownedPages?: readonly SimMessengerPage[];
  /** simulator options (timeouts, caller media, permission replies) on top of the stack's own */
  sim?: Pick<MetaSimOptions, 'timeouts' | 'callerMedia' | 'permissionReply'>;
  /** how the WhatsApp number rings (strategy, per-agent turn, ring timeout); the server's defaults otherwise */
  whatsappRing?: RingSettings;
  /** a migrated database image to start from (no initdb: seconds saved per spec); empty otherwise */
  databaseImage?: Blob;
  /** abuse limits to raise (a benchmark's robot agent answers faster than any person) */
  limits?: AppOptions['limits'];
  /**
   * a real TURN relay (coturn) the consoles must use: relay-only, over this transport, with
   * short-lived credentials from the server, as `TURN_URLS` + `ICE_TRANSPORT_POLICY=relay` give
   */
  relayOnly?: TurnTransport;
  /**
   * the WhatsApp number's calls anchored on a real media engine (Janus) started for the stack:
   * the customer's leg ends on the engine, the agent's console joins it. Media then runs on
   * this machine's own address, not 127.0.0.1, which Janus does not gather on
   */
  anchored?: boolean;
}

/** the whole product on 127.0.0.1: server with the built console, simulator, database */
export interface E2eStack {
  /** the console's origin, e.g. `http://127.0.0.1:41523` */
  readonly url: string;
  readonly app: RingsideApp;
  readonly sim: MetaSim;
  /** the simulator's Graph API base URL */
  readonly simUrl: string;
  readonly agents: readonly SeededAgent[];
  readonly whatsapp: { number: SimWhatsAppNumber; displayNumber: string };
  readonly messenger: { page: SimMessengerPage };
  /** the server's log lines (JSON), for failure reports */
  readonly logs: readonly string[];
  /** the TURN relay, when the stack was started relay-only */
  readonly turn: TestTurnServer | undefined;
  /** the media engines, when the stack was started anchored */
  readonly anchor: EnginePool | undefined;
  /** names of the agents the server would offer a call to now */
  availableAgents(): Promise<string[]>;
  /**
   * the call as the server stored it (its state, and whom it was offered to), once Meta's
   * webhook for it has been applied; undefined before
   */
  storedCall(metaCallId: string): Promise<{ state: string; agentsOffered: string[] } | undefined>;
  /**
   * a customer calls the seeded WhatsApp number or Page; `from` (wa_id or PSID) is random unless
   * given; `ipv6Candidate: false` leaves Meta's unreachable IPv6 candidate out of its offer
   */
  placeCall(
    channel: 'whatsapp' | 'messenger',
    name: string,
    options?: { from?: string; ipv6Candidate?: boolean },
  ): Promise<CallHandle>;
  close(): Promise<void>;
}

/**
 * Starts the real server (`createApp`, in-memory PGlite, the built console) and the real Meta
 * simulator with its werift caller, wired to each other, and seeds one workspace with a WhatsApp
 * number, a Page and the agents asked for. Everything runs on 127.0.0.1; `close` stops it all.
 *
 * @example
 * const stack = await startStack({ agents: ['Alex Agent', 'Bo Agent'] });
 * const call = await stack.placeCall('whatsapp', 'Rahul Caller');
 * await stack.close();
 */
export async function startStack(options: StackOptions = {}): Promise<E2eStack> {
  const anchorHost = options.anchored ? mediaHost() : undefined;
  const sim = createMetaSim({
    appSecret: APP_SECRET,
    webhookUrl: null,
    numbers: [NUMBER],
    pages: [PAGE, ...(options.unownedPages ?? [])],
    webhooks: { retry: { baseDelayMs: 50, maxAttempts: 6 } },
    ...options.sim,
    ...(anchorHost ? { callerMedia: { ...options.sim?.callerMedia, host: anchorHost } } : {}),
  });
  const simUrl = await sim.listen(0);
  let database: Database | undefined;
  let app: RingsideApp | undefined;
  let turn: TestTurnServer | undefined;
  let engine: JanusProcess | undefined;
  let anchor: EnginePool | undefined;
  try {
    if (options.relayOnly) turn = await startTurnServer();
    if (anchorHost) {
      engine = await JanusProcess.start({ iceEnforceList: anchorHost });
      anchor = await EnginePool.open([{ name: 'janus-e2e', url: engine.url }]);
    }
    database = await openDatabase({
      dataDir: IN_MEMORY,
      ...(options.databaseImage ? { pgliteImage: options.databaseImage } : {}),
    });
    // the browser's origin must be known before the server starts: it checks Origin on sign-in
    const port = await freePort();
    const server = await startTestServer({
      database,
      origin: `http://127.0.0.1:${port}`,
      appSecret: APP_SECRET,
      verifyToken: 'e2e-verify',
      graphApi: { baseUrl: simUrl, version: sim.graphVersion },
      sim,
      app: {
        consoleDir: CONSOLE_DIST,
        limits: options.limits,
        anchor,
        // a closed tab's anchored call waits this long for it to rejoin (15 s in production)
        ...(anchor ? { anchorRejoinGraceMs: E2E_REJOIN_GRACE_MS } : {}),
        ice:
          turn && options.relayOnly
            ? {
                stunUrls: [],
                turnUrls: [turn.url(options.relayOnly)],
                turnSecret: turn.secret,
                transportPolicy: 'relay',
              }
            : undefined,
      },
      port,
      host: '127.0.0.1',
    });
    app = server.app;
    const { url, logs: lines } = server;
    const { workspaceId, agents } = await seed(
      app,
      options.agents ?? ['Alex Agent'],
      options.whatsappRing ?? {},
      anchor ? 'anchored' : 'direct',
    );
    const started = { app, database, turn, engine, anchor };
    return {
      url,
      app,
      sim,
      simUrl,
      agents,
      whatsapp: { number: NUMBER, displayNumber: `+${NUMBER.displayPhoneNumber}` },
      messenger: { page: PAGE },
      logs: lines,
      turn,
      anchor,
      async storedCall(metaCallId) {
        const row = await started.app.repos.calls.getCallByMetaId(workspaceId, metaCallId);
        if (!row) return undefined;
        const offered = 'agentsOffered' in row.model ? row.model.agentsOffered : [];
        return { state: row.model.state, agentsOffered: [...offered] };
      },
      async availableAgents() {
        return (await started.app.repos.presence.availableAgents(workspaceId)).map((a) => a.name);
      },
      placeCall: (channel, name, placed = {}) =>
        sim.placeCall({
          channel,
          name,
          to: channel === 'whatsapp' ? NUMBER.phoneNumberId : PAGE.pageId,
          ...(placed.from === undefined ? {} : { from: placed.from }),
          ...(placed.ipv6Candidate === undefined
            ? {}
            : { media: { ipv6Candidate: placed.ipv6Candidate } }),
        }),
      async close() {
        await sim.close();
        await started.app.close();
        await started.database.close();
        await started.turn?.stop();
        await started.anchor?.close();
        await started.engine?.stop();
      },
    };
  } catch (error) {
    await sim.close();
    await app?.close();
    await database?.close();
    await turn?.stop();
    await anchor?.close();
    await engine?.stop();
    throw error;
  }
}

async function seed(
  app: RingsideApp,
  names: readonly string[],
  whatsappRing: RingSettings,
  mediaMode: 'direct' | 'anchored',
): Promise<{ workspaceId: string; agents: SeededAgent[] }> {
  const { repos } = app;
  const workspace = await repos.workspaces.createWorkspace('E2E Workspace');
  const whatsapp = await repos.channels.createWhatsAppChannel({
    workspaceId: workspace.id,
    phoneNumberId: NUMBER.phoneNumberId,
    wabaId: NUMBER.wabaId,
    displayNumber: `+${NUMBER.displayPhoneNumber}`,
    name: 'E2E WhatsApp line',
    accessToken: NUMBER.accessToken,
    ...whatsappRing,
  });
  if (!whatsapp.ok) throw new Error(`seeding the WhatsApp number: ${whatsapp.error.message}`);
  if (mediaMode === 'anchored') {
    await repos.channels.updateChannel(workspace.id, whatsapp.channel.id, { mediaMode });
  }
  // as a business set up for outbound calls: the simulated account's approved permission
  // template, which WhatsApp requires to ask someone who has not written or called in 24 h
  await repos.permissionTemplates.set(
    workspace.id,
    whatsapp.channel.id,
    DEFAULT_PERMISSION_TEMPLATE,
  );
  const page = await repos.channels.createMessengerChannel({
    workspaceId: workspace.id,
    pageId: PAGE.pageId,
    name: PAGE.name,
    accessToken: PAGE.accessToken,
  });
  if (!page.ok) throw new Error(`seeding the Page: ${page.error.message}`);
  // one hash for all, at the test-only cost the server is told to keep (startTestServer's default):
  // the real cost takes about a second a sign-in here, and the suite signs in 50 times
  const passwordHash = await hashPassword(AGENT_PASSWORD, TEST_ONLY_SCRYPT_COST);
  const agents: SeededAgent[] = [];
  for (const [index, name] of names.entries()) {
    const email = `agent${index + 1}@e2e.ringside.test`;
    const created = await repos.users.createUser({
      workspaceId: workspace.id,
      email,
      name,
      passwordHash,
      role: 'agent',
    });
    if (!created.ok) throw new Error(`seeding ${email}: ${created.error.message}`);
    agents.push({ id: created.user.id, name, email, password: AGENT_PASSWORD });
  }
  return { workspaceId: workspace.id, agents };
}

// a port the OS just handed out; the server binds it right after
