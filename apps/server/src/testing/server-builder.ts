import type { MetaSim } from '@ringside/meta-sim';
import type { AppOptions } from '../app-options';
import { TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { createApp, type RingsideApp } from '../create-app';
import type { Database } from '../db/database';
import { createSecretBox, type SecretBox } from '../db/secret-box';
import { createLogger, type Logger } from '../ops/logger';

// no vitest here (nor helpers that import it): the benches run this outside the test runner

const TEST_SECRETS_KEY = Buffer.alloc(32, 9).toString('base64');

/** What the builder composes itself; everything else of `AppOptions` a caller passes in `app`. */
type Composed = 'database' | 'secretBox' | 'logger' | 'publicOrigins' | 'meta' | 'graphApi';

export interface TestServerOptions {
  database: Database;
  /** the console's origin: sign-ins and sockets are checked against it */
  origin: string;
  /** Meta's app secret, which signs the webhooks */
  appSecret: string;
  /** `verify-me` unless given */
  verifyToken?: string;
  /** where Graph calls go (the simulator's, a scripted Meta's, a stub's) */
  graphApi: NonNullable<AppOptions['graphApi']>;
  /** one with a fixed test key unless given, so a restart on the same database reads its secrets */
  secretBox?: SecretBox;
  /** a debug logger into memory (the server's `logs`) unless given */
  logger?: Logger;
  /**
   * the Meta simulator that calls this server: its webhooks come here once the server listens,
   * and the console's simulator drawer drives it unless `simulatorDrawer` is false
   */
  sim?: MetaSim;
  simulatorDrawer?: boolean;
  /** sign-ins hash at the test-only scrypt cost unless `real` (a bench measuring `pnpm start`) */
  passwordCost?: 'test' | 'real';
  /** any other app option; keys left undefined mean the app's default */
  app?: Partial<Omit<AppOptions, Composed>>;
  /** port 0 (any free one) on 127.0.0.1 unless given */
  port?: number;
  host?: string;
}

export interface TestServer {
  app: RingsideApp;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** the log lines when the builder made the logger; empty when the caller brought its own */
  logs: string[];
}

/**
 * The one way tests, e2e and the benches start a Ringside server in-process: `createApp` with
 * what every such server shares, listening, and the simulator's webhooks pointed at it. The
 * caller owns the database (and closes it); calling this again on the same database is a restart.
 *
 * @example
 * const sim = createMetaSim({ appSecret, webhookUrl: null, numbers, pages: [] });
 * const graphApi = { baseUrl: await sim.listen(0), version: sim.graphVersion };
 * const { app, url } = await startTestServer({ database, origin, appSecret, graphApi, sim });
 */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const logs: string[] = [];
  const logger =
    options.logger ?? createLogger('debug', { write: (line: string) => void logs.push(line) });
  // an undefined option must not spread over the app's default
  const app = Object.fromEntries(
    Object.entries(options.app ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<Omit<AppOptions, Composed>>;
  const auth =
    options.passwordCost === 'real'
      ? app.auth
      : { testOnlyPasswordCost: TEST_ONLY_SCRYPT_COST, ...app.auth };
  const started = createApp({
    database: options.database,
    secretBox: options.secretBox ?? createSecretBox(TEST_SECRETS_KEY),
    logger,
    publicOrigins: [options.origin],
    meta: { appSecret: options.appSecret, verifyToken: options.verifyToken ?? 'verify-me' },
    graphApi: options.graphApi,
    ...(options.sim && options.simulatorDrawer !== false ? { simulator: options.sim } : {}),
    ...app,
    ...(auth ? { auth } : {}),
  });
  let url: string;
  try {
    url = await started.listen(options.port ?? 0, options.host);
  } catch (error) {
    await started.close();
    throw error;
  }
  options.sim?.setWebhookUrl(`${url}/webhooks/meta`);
  return { app: started, url, logs };
}
