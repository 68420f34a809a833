import { z } from 'zod';
import { parseTrustProxy } from './http/trust-proxy';

/** the Graph version Ringside is built and tested against */
export const DEFAULT_GRAPH_API_VERSION = 'v24.0';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const origins = z
  .string()
  .default('http://localhost:3000')
  .transform((value, ctx) => {
    const list = value
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    for (const origin of list) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.origin !== origin) {
        ctx.addIssue({
          code: 'custom',
          message: `"${origin}" is not an origin like https://ringside.example.com`,
        });
        return z.NEVER;
      }
    }
    return list;
  });

/** a comma-separated list of URIs, each starting with one of `schemes` */
function uriList(schemes: readonly string[]) {
  return z
    .string()
    .default('')
    .transform((value, ctx) => {
      const list = value
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      for (const uri of list) {
        if (!schemes.some((scheme) => uri.startsWith(`${scheme}:`)) || /\s/.test(uri)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${uri}" is not a ${schemes.join(':, ')}: URI like ${schemes[0]}:host.example.com:3478`,
          });
          return z.NEVER;
        }
      }
      return list;
    });
}

/**
 * `ANCHOR_ENGINES`: the media engines (Janus) anchored channels use, comma-separated
 * `name=ws://host:port`; the name is how a call finds its engine again (docs/anchor.md)
 */
const anchorEngines = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const engines: { name: string; url: string }[] = [];
    const entries = value
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    for (const [i, entry] of entries.entries()) {
      const match = /^([A-Za-z0-9][\w.-]*)=(wss?:\/\/[^\s,]+)$/.exec(entry);
      if (!match?.[1] || !match[2]) {
        ctx.addIssue({
          code: 'custom',
          // no echo: an engine's address may one day carry its API secret
          message: `entry ${i + 1} is not an engine like janus-a=ws://10.0.0.5:8188`,
        });
        return z.NEVER;
      }
      if (engines.some((engine) => engine.name === match[1])) {
        ctx.addIssue({ code: 'custom', message: `names the engine "${match[1]}" twice` });
        return z.NEVER;
      }
      engines.push({ name: match[1], url: match[2] });
    }
    return engines;
  });

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
        .optional(),
    ),
    DATA_DIR: z.string().default('./data'),
    REDIS_URL: optionalText.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, 'must start with redis://')
        .optional(),
    ),
    META_APP_SECRET: optionalText,
    META_VERIFY_TOKEN: optionalText,
    GRAPH_API_BASE_URL: z.url().default('https://graph.facebook.com'),
    GRAPH_API_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/, 'must look like v24.0')
      .default(DEFAULT_GRAPH_API_VERSION),
    SECRETS_KEY: optionalText.pipe(
      z
        .string()
        .refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
        .optional(),
    ),
    PUBLIC_ORIGIN: origins,
    SIMULATOR: z.enum(['on', 'off']).optional(),
    // with Meta credentials: removes the demo workspace a demo start left (demo/retire-demo.ts)
    REMOVE_DEMO_WORKSPACE: z.enum(['yes', 'no']).optional(),
    OUTGOING_WEBHOOKS_PRIVATE: z.enum(['allow', 'refuse']).optional(),
    // /metrics answers only with `Authorization: Bearer <token>` when set
    METRICS_TOKEN: optionalText.pipe(
      z.string().min(16, 'must be at least 16 characters').optional(),
    ),
    // whose X-Forwarded-For gives the client's address (sign-in throttle, logs)
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .transform((value, ctx) => {
        const parsed = parseTrustProxy(value);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    // how consoles find a path to Meta (rtc/ice-settings.ts): STUN, TURN with short-lived credentials
    STUN_URLS: uriList(['stun', 'stuns']),
    TURN_URLS: uriList(['turn', 'turns']),
    TURN_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
    ANCHOR_ENGINES: anchorEngines,
  })
  .superRefine((env, ctx) => {
    const simulator = env.SIMULATOR ?? (env.META_APP_SECRET ? 'off' : 'on');
    if (simulator === 'off') {
      for (const key of ['META_APP_SECRET', 'META_VERIFY_TOKEN'] as const) {
        if (!env[key])
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'is required unless the simulator is on',
          });
      }
    }
    if (env.TURN_URLS.length > 0 && !env.TURN_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TURN_SECRET'],
        message: 'is required with TURN_URLS',
      });
    }
    if (env.ICE_TRANSPORT_POLICY === 'relay' && env.TURN_URLS.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ICE_TRANSPORT_POLICY'],
        message: 'relay needs TURN_URLS (a relay-only browser has no other path)',
      });
    }
    if (env.REDIS_URL && env.ANCHOR_ENGINES.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ANCHOR_ENGINES'],
        message:
          'cannot be used with REDIS_URL yet: an anchored call is held by the one server that took its connect',
      });
    }
    if (env.DATABASE_URL && !env.SECRETS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRETS_KEY'],
        message: 'is required with DATABASE_URL',
      });
    }
  })
  .transform((env) => ({
    ...env,
    SIMULATOR: env.SIMULATOR ?? (env.META_APP_SECRET ? 'off' : 'on'),
    // a demo on one machine posts to receivers beside it; a real installation only to the internet
    OUTGOING_WEBHOOKS_PRIVATE:
      env.OUTGOING_WEBHOOKS_PRIVATE ??
      ((env.SIMULATOR ?? (env.META_APP_SECRET ? 'off' : 'on')) === 'on' ? 'allow' : 'refuse'),
  }));

/** the server's configuration, validated once at start-up */
export type Env = z.infer<typeof envSchema>;

/** bad configuration: names every variable that is wrong, never echoes a value */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the environment. Nothing else in the server reads `process.env`.
 *
 * @example
 * const env = loadEnv(); // throws ConfigError naming e.g. "SECRETS_KEY is required with DATABASE_URL"
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
  );
}
