import {
  channelCreateBodySchema,
  idSchema,
  userCreateBodySchema,
  workspaceCreateBodySchema,
  type Role,
} from '@ringside/contracts';
import { parseArgs } from 'node:util';
import type { z } from 'zod';

/** A command line, understood and validated. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'workspace-add'; name: string }
  | {
      kind: 'user-add';
      workspaceId: string;
      email: string;
      password: string;
      role: Role;
      name: string | undefined;
    }
  | {
      kind: 'channel-add-whatsapp';
      workspaceId: string;
      phoneNumberId: string;
      wabaId: string;
      displayNumber: string;
      accessToken: string;
      name: string | undefined;
    }
  | {
      kind: 'channel-add-messenger';
      workspaceId: string;
      pageId: string;
      name: string;
      accessToken: string;
    }
  | { kind: 'channel-assign'; channelId: string; userId: string }
  | { kind: 'channel-list'; workspaceId: string | undefined }
  | DoctorCommand
  | DataDirCommand;

/** `doctor`: checks each channel with Meta and the installation (see ../doctor/doctor-command.ts) */
export type DoctorCommand = { kind: 'doctor'; json: boolean };

/** The commands that handle the embedded database's files themselves (see ./run-data-command.ts). */
export type DataDirCommand =
  | { kind: 'migrate-to-postgres'; databaseUrl: string }
  | { kind: 'backup'; out: string; force: boolean }
  | { kind: 'restore'; from: string; force: boolean };

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; message: string };

/** How to use the CLI, printed by `help` and after a usage error. */
export const USAGE = `usage: pnpm ringside <command>
  workspace add --name N
  user add --workspace W --email E --password P --role agent|supervisor|admin [--name N]
  channel add whatsapp --workspace W --phone-number-id ID --waba-id ID --display-number +E164 --access-token T [--name N]
  channel add messenger --workspace W --page-id ID --name N --access-token T
  channel assign --channel C --user U
  channel list [--workspace W]
  doctor [--json]   (asks Meta about each channel, checks the installation; exit 0 only when calls can flow)
  migrate-to-postgres --database-url postgres://…   (copies DATA_DIR into an empty PostgreSQL)
  backup --out FILE [--force]      restore --from FILE [--force]   (the embedded database)
environment: DATABASE_URL (PostgreSQL), DATA_DIR (embedded database, default ./data),
  SECRETS_KEY (32-byte base64 key for channel tokens; required with DATABASE_URL);
  doctor also reads the server's META_APP_SECRET, META_VERIFY_TOKEN, GRAPH_API_BASE_URL,
  PUBLIC_ORIGIN and TURN_URLS; on the embedded database stop the server first, or use the
  admin page's Checks`;

type Flags = Record<string, string | boolean | undefined>;

// the admin API's bodies, with the workspace made mandatory (the API defaults to the admin's own)
const [whatsappBody, messengerBody] = channelCreateBodySchema.options;
const whatsappSchema = whatsappBody.required({ workspaceId: true });
const messengerSchema = messengerBody.required({ workspaceId: true });
const userSchema = userCreateBodySchema.required({ workspaceId: true });

interface Spec {
  readonly flags: readonly string[];
  /** flags that take no value */
  readonly switches?: readonly string[];
  readonly build: (flags: Flags) => ParsedArgs;
}

const SPECS: Record<string, Spec> = {
  'workspace add': {
    flags: ['name'],
    build: (f) =>
      validate(workspaceCreateBodySchema, { name: f['name'] }, (v) => ({
        kind: 'workspace-add',
        name: v.name,
      })),
  },
  'user add': {
    flags: ['workspace', 'email', 'password', 'role', 'name'],
    build: (f) =>
      validate(
        userSchema,
        {
          workspaceId: f['workspace'],
          email: f['email'],
          password: f['password'],
          role: f['role'],
          name: f['name'],
        },
        (v) => ({ kind: 'user-add', ...v, name: v.name }),
      ),
  },
  'channel add whatsapp': {
    flags: ['workspace', 'phone-number-id', 'waba-id', 'display-number', 'access-token', 'name'],
    build: (f) =>
      validate(
        whatsappSchema,
        {
          channel: 'whatsapp',
          workspaceId: f['workspace'],
          phoneNumberId: f['phone-number-id'],
          wabaId: f['waba-id'],
          displayNumber: f['display-number'],
          accessToken: f['access-token'],
          label: f['name'],
        },
        (v) => ({
          kind: 'channel-add-whatsapp',
          workspaceId: v.workspaceId,
          phoneNumberId: v.phoneNumberId,
          wabaId: v.wabaId,
          displayNumber: v.displayNumber,
          accessToken: v.accessToken,
          name: v.label,
        }),
      ),
  },
  'channel add messenger': {
    flags: ['workspace', 'page-id', 'name', 'access-token'],
    build: (f) =>
      validate(
        messengerSchema,
        {
          channel: 'messenger',
          workspaceId: f['workspace'],
          pageId: f['page-id'],
          name: f['name'],
          accessToken: f['access-token'],
        },
        (v) => ({
          kind: 'channel-add-messenger',
          workspaceId: v.workspaceId,
          pageId: v.pageId,
          name: v.name,
          accessToken: v.accessToken,
        }),
      ),
  },
  'channel assign': {
    flags: ['channel', 'user'],
    build: (f) => {
      const channel = idSchema.safeParse(f['channel']);
      const user = idSchema.safeParse(f['user']);
      if (!channel.success) return { ok: false, message: '--channel: a channel id is required' };
      if (!user.success) return { ok: false, message: '--user: a user id is required' };
      return {
        ok: true,
        command: { kind: 'channel-assign', channelId: channel.data, userId: user.data },
      };
    },
  },
  'channel list': {
    flags: ['workspace'],
    build: (f) => {
      const workspace = idSchema.optional().safeParse(f['workspace']);
      if (!workspace.success) return { ok: false, message: '--workspace: must not be empty' };
      return { ok: true, command: { kind: 'channel-list', workspaceId: workspace.data } };
    },
  },
  doctor: {
    flags: [],
    switches: ['json'],
    build: (f) => ({ ok: true, command: { kind: 'doctor', json: f['json'] === true } }),
  },
  'migrate-to-postgres': {
    flags: ['database-url'],
    build: (f) => {
      const url = f['database-url'];
      // never echoed: it may carry a password
      if (typeof url !== 'string' || !/^postgres(ql)?:\/\/\S+$/.test(url.trim())) {
        return { ok: false, message: '--database-url: a postgres:// URL is required' };
      }
      return { ok: true, command: { kind: 'migrate-to-postgres', databaseUrl: url.trim() } };
    },
  },
  backup: {
    flags: ['out'],
    switches: ['force'],
    build: (f) =>
      fileFlag(f, 'out', (out) => ({ kind: 'backup', out, force: f['force'] === true })),
  },
  restore: {
    flags: ['from'],
    switches: ['force'],
    build: (f) =>
      fileFlag(f, 'from', (from) => ({ kind: 'restore', from, force: f['force'] === true })),
  },
};

function fileFlag(f: Flags, flag: string, toCommand: (path: string) => CliCommand): ParsedArgs {
  const path = f[flag];
  if (typeof path !== 'string' || path.trim() === '') {
    return { ok: false, message: `--${flag}: a file is required` };
  }
  return { ok: true, command: toCommand(path) };
}

// the body fields the schemas name, as the flags the user typed
const FLAG_OF: Record<string, string> = {
  workspaceId: '--workspace',
  phoneNumberId: '--phone-number-id',
  wabaId: '--waba-id',
  displayNumber: '--display-number',
  accessToken: '--access-token',
  pageId: '--page-id',
  label: '--name',
};

/**
 * Reads `argv` (without node and the script) into a validated command, or says what is wrong.
 * Values are checked with the same schemas as the admin API; messages name the flag, never
 * echo a password or token.
 *
 * @example
 * parseCliArgs(['workspace', 'add', '--name', 'Acme']);
 * // { ok: true, command: { kind: 'workspace-add', name: 'Acme' } }
 * parseCliArgs(['workspace', 'remove']); // { ok: false, message: 'unknown command …' }
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const words = argv.slice(0, leadingWords(argv));
  if (words.length === 0 || words[0] === 'help' || argv.includes('--help')) {
    return { ok: true, command: { kind: 'help' } };
  }
  const spec = SPECS[words.join(' ')];
  if (!spec) return { ok: false, message: `unknown command: ${words.join(' ')}` };
  let values: Flags;
  try {
    values = parseArgs({
      args: argv.slice(words.length),
      options: Object.fromEntries([
        ...spec.flags.map((flag) => [flag, { type: 'string' as const }]),
        ...(spec.switches ?? []).map((flag) => [flag, { type: 'boolean' as const }]),
      ]),
      strict: true,
      allowPositionals: false,
    }).values as Flags;
  } catch (error) {
    return { ok: false, message: argsProblem(error) };
  }
  return spec.build(values);
}

// node's parseArgs messages can quote a value (a password that starts with '-'): say it ourselves
function argsProblem(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const message = error instanceof Error ? error.message : '';
  const flag = /'(--[a-z-]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${flag ?? 'an option'}: needs a value (write --flag=value for one starting with '-')`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'unexpected argument: every value follows its --flag';
    default:
      return 'could not read the arguments';
  }
}

function leadingWords(argv: readonly string[]): number {
  const index = argv.findIndex((arg) => arg.startsWith('-'));
  return Math.min(index === -1 ? argv.length : index, 3);
}

function validate<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  toCommand: (value: z.infer<S>) => CliCommand,
): ParsedArgs {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, command: toCommand(result.data) };
  const problems = result.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const flag = FLAG_OF[field] ?? (field ? `--${field}` : 'arguments');
    return `${flag}: ${input[field] === undefined ? 'is required' : issue.message}`;
  });
  return { ok: false, message: [...new Set(problems)].join('; ') };
}
