import { decideAppSecret } from '../admin/meta-secrets';
import type { CliIo } from '../cli/run-cli';
import type { DoctorCommand } from '../cli/parse-args';
import type { Db } from '../db/database';
import { SecretBoxError, type SecretBox } from '../db/secret-box';
import { ConfigError, loadEnv, type Env } from '../env';
import { createGraphClient } from '../graph/graph-client';
import { createChannelsRepo } from '../repos/channels';
import { createMetaAppSettingsRepo } from '../repos/meta-app-settings';
import { createWorkspacesRepo } from '../repos/workspaces';
import { formatReport } from './format-report';
import { runDoctor } from './run-doctor';

/** What tests may change; the CLI users run passes none. */
export interface DoctorCommandOptions {
  fetch?: typeof fetch;
}

/**
 * `pnpm ringside doctor [--json]`: reads the server's configuration as the server does
 * (`env.ts`), checks every enabled channel with Meta at `GRAPH_API_BASE_URL` and the
 * installation, and prints the report (text, or one JSON object with `--json`). Exit code 0 only
 * when calls can flow (warnings alone do not fail it), 1 otherwise.
 *
 * @example
 * return await runDoctorCommand({ kind: 'doctor', json: false }, process.env, db, () => box, io);
 */
export async function runDoctorCommand(
  command: DoctorCommand,
  environment: NodeJS.ProcessEnv,
  db: Db,
  secretBox: () => SecretBox,
  io: CliIo,
  options: DoctorCommandOptions = {},
): Promise<number> {
  let env: Env;
  try {
    env = loadEnv(environment);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(
      `ringside: bad configuration for the checks:\n${error.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return 1;
  }
  if (env.SIMULATOR === 'on') {
    io.stderr(
      'ringside: the server runs in demo mode (built-in Meta simulator); the doctor asks the Graph ' +
        `API at GRAPH_API_BASE_URL (${env.GRAPH_API_BASE_URL}). Use the admin page’s Checks to test the demo.`,
    );
  }
  const box = secretBox();
  const channels = createChannelsRepo(db, box);
  const appSecret = await appSecretInForce(db, box, env);
  const graph = createGraphClient({
    baseUrl: env.GRAPH_API_BASE_URL,
    version: env.GRAPH_API_VERSION,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const report = await runDoctor({
    channels: {
      list: () => channels.listAllChannels(),
      credentials: (id) => channels.getChannelCredentials(id),
    },
    graph,
    clock: () => new Date(),
    publicOrigins: env.PUBLIC_ORIGIN,
    turnUrls: env.TURN_URLS,
    meta: () => ({ appSecret, verifyToken: env.META_VERIFY_TOKEN ?? '' }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  io.stdout(command.json ? JSON.stringify(report) : formatReport(report));
  return report.callsCanFlow ? 0 : 1;
}

// the secret the server verifies webhooks with: a stored one while it hosts one workspace
async function appSecretInForce(db: Db, box: SecretBox, env: Env): Promise<string> {
  let stored: string | null = null;
  try {
    stored = (await createMetaAppSettingsRepo(db, box).getSettings())?.appSecret ?? null;
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
  }
  const workspaces = (await createWorkspacesRepo(db).listWorkspaces()).length;
  return decideAppSecret({ stored, configured: env.META_APP_SECRET ?? '', workspaces }).appSecret;
}
