import { createFileMediaStore } from './media/media-store';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createMetaSim,
  DEMO_MESSENGER_PAGE,
  DEMO_WHATSAPP_NUMBER,
  type MetaSim,
} from '@ringside/meta-sim';
import { openAnchorPool } from './anchor/open-anchor-pool';
import { connectRedisAttemptStore } from './auth/login-attempts-redis';
import { connectRedisAdapter } from './cluster/redis-adapter';
import { createApp } from './create-app';
import { openDatabase } from './db/open-database';
import { createSecretBox, loadOrCreateSecretsKey } from './db/secret-box';
import { retireDemoData } from './demo/retire-demo';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo/seed-demo';
import { ConfigError, loadEnv } from './env';
import { createLogger } from './ops/logger';

// the only file that listens: everything else is built by createApp from what is passed in
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const dataDir = resolve(process.env['INIT_CWD'] ?? process.cwd(), env.DATA_DIR);
  const database = await openDatabase({
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir,
  });
  const secretBox = createSecretBox(env.SECRETS_KEY ?? loadOrCreateSecretsKey(dataDir));

  let sim: MetaSim | undefined;
  let meta = { appSecret: env.META_APP_SECRET ?? '', verifyToken: env.META_VERIFY_TOKEN ?? '' };
  let graphApi = { baseUrl: env.GRAPH_API_BASE_URL, version: env.GRAPH_API_VERSION };
  if (env.SIMULATOR === 'on') {
    const appSecret = env.META_APP_SECRET ?? randomBytes(24).toString('base64url');
    sim = createMetaSim({
      appSecret,
      webhookUrl: null,
      callerMedia: { source: 'speech', echo: true },
    });
    graphApi = { baseUrl: await sim.listen(0, '127.0.0.1'), version: sim.graphVersion };
    meta = {
      appSecret,
      verifyToken: env.META_VERIFY_TOKEN ?? randomBytes(12).toString('base64url'),
    };
  }

  if (sim) {
    logger.warn(
      { simulator: 'on' },
      'demo mode: no Meta credentials (META_APP_SECRET), so calls come from the built-in Meta ' +
        'simulator and the demo workspace signs in with a public password; not for real customers',
    );
  } else {
    // before anyone can sign in: a public password must never open a real deployment
    await retireDemoData(database.db, logger, { remove: env.REMOVE_DEMO_WORKSPACE === 'yes' });
  }

  const redis = env.REDIS_URL ? await connectRedisAdapter(env.REDIS_URL, logger) : undefined;
  // the login throttle counts in Redis too, so every node sees every node's failures
  const attempts = env.REDIS_URL
    ? await connectRedisAttemptStore(env.REDIS_URL, logger)
    : undefined;
  const anchor = await openAnchorPool(env.ANCHOR_ENGINES, logger);
  const consoleDir = fileURLToPath(new URL('../../console/dist', import.meta.url));
  if (!existsSync(consoleDir))
    logger.warn({ consoleDir }, 'console not built: serving the API only');
  const app = createApp({
    ...(existsSync(consoleDir) ? { consoleDir } : {}),
    database,
    secretBox,
    logger,
    mediaStore: createFileMediaStore(join(dataDir, 'media')),
    publicOrigins: env.PUBLIC_ORIGIN,
    meta,
    graphApi,
    ...(sim ? { simulator: sim } : {}),
    ...(redis ? { socketAdapter: redis.adapter } : {}),
    ...(attempts ? { auth: { loginLimits: { store: attempts.store } } } : {}),
    ...(anchor ? { anchor } : {}),
    outgoingWebhooks: { allowPrivateNetwork: env.OUTGOING_WEBHOOKS_PRIVATE === 'allow' },
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
    trustProxy: env.TRUST_PROXY,
    ice: {
      stunUrls: env.STUN_URLS,
      turnUrls: env.TURN_URLS,
      ...(env.TURN_SECRET ? { turnSecret: env.TURN_SECRET } : {}),
      transportPolicy: env.ICE_TRANSPORT_POLICY,
    },
  });
  // the demo workspace is committed before the port opens: a sign-in as soon as the server
  // answers finds its users
  const seeded = sim
    ? await seedDemo(app.unitOfWork, { number: DEMO_WHATSAPP_NUMBER, page: DEMO_MESSENGER_PAGE })
    : undefined;
  const url = await app.listen(env.PORT, env.HOST);
  logger.info(
    { url, database: database.kind, simulator: env.SIMULATOR, cluster: redis !== undefined },
    'ringside listening',
  );

  if (sim && seeded) {
    sim.setWebhookUrl(`${url}/webhooks/meta`);
    const lines = [
      '',
      `Ringside is running on ${env.PUBLIC_ORIGIN[0] ?? url} with the Meta simulator${seeded.created ? ' (demo workspace created)' : ''}.`,
      `Sign in with any of these (password: ${DEMO_PASSWORD}):`,
      ...DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.email}`),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await redis?.close();
    await attempts?.close();
    await anchor?.close();
    await sim?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `ringside failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
