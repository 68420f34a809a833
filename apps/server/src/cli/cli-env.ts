import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/** The admin CLI's configuration, read from the environment once. */
export interface CliEnv {
  /** PostgreSQL when set; otherwise the embedded database in `dataDir` */
  readonly databaseUrl: string | undefined;
  /** absolute */
  readonly dataDir: string;
  readonly secretsKey: string | undefined;
  /** absolute: where the user ran the command, for relative paths they give */
  readonly workDir: string;
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  SECRETS_KEY: z
    .string()
    .trim()
    .optional()
    .transform((key) => key || undefined),
  INIT_CWD: z.string().optional(),
});

export type CliEnvResult = { ok: true; env: CliEnv } | { ok: false; message: string };

/**
 * Reads `DATABASE_URL`, `DATA_DIR` (default `./data`) and `SECRETS_KEY`. A relative `DATA_DIR`
 * is taken from where the user ran pnpm (`INIT_CWD`), not from `apps/server` where
 * `pnpm --filter` runs the script, so the CLI and `pnpm start` find the same folder.
 *
 * @example
 * const parsed = readCliEnv(process.env, process.cwd());
 * if (!parsed.ok) console.error(parsed.message);
 */
export function readCliEnv(source: NodeJS.ProcessEnv, cwd: string): CliEnvResult {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') ?? 'environment'}: ${issue?.message}` };
  }
  const { DATABASE_URL, DATA_DIR, SECRETS_KEY, INIT_CWD } = parsed.data;
  const base = INIT_CWD && isAbsolute(INIT_CWD) ? INIT_CWD : cwd;
  return {
    ok: true,
    env: {
      databaseUrl: DATABASE_URL,
      dataDir: resolve(base, DATA_DIR),
      secretsKey: SECRETS_KEY,
      workDir: resolve(base),
    },
  };
}
