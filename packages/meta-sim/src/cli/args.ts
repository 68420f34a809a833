import { parseArgs } from 'node:util';
import type { AudioSource } from '../media/media-endpoint';

/** options both commands share */
export interface CommonArgs {
  graphPort: number;
  host: string;
  webhookUrl: string | null;
  appSecret: string | null;
  graphVersion: string | null;
  waToken: string | null;
  pageToken: string | null;
  ringTimeoutS: number | null;
}

export type CliCommand =
  | { command: 'help' }
  | ({ command: 'serve' } & CommonArgs)
  | ({
      command: 'call';
      channel: 'whatsapp' | 'messenger';
      name: string | null;
      from: string | null;
      to: string | null;
      /** a calling deep link (`https://wa.me/call/<number>?biz_payload=…`) the caller taps */
      link: string | null;
      /** the payload of the call button the caller taps */
      ctaPayload: string | null;
      source: AudioSource;
      echo: boolean;
      hangupAfterS: number | null;
    } & CommonArgs);

export type ParsedArgs = { ok: true; value: CliCommand } | { ok: false; message: string };

export const USAGE = `usage:
  pnpm sim serve --graph-port N [--webhook-url URL] [--app-secret S] [--host H]
                 [--graph-version v24.0] [--wa-token T] [--page-token T] [--ring-timeout S]
  pnpm sim call --channel whatsapp|messenger --webhook-url URL [--graph-port N] [--app-secret S]
                [--name NAME] [--from NUMBER] [--to ID] [--source tone|speech|silence] [--echo]
                [--link https://wa.me/call/NUMBER?biz_payload=TAG] [--cta-payload P]
                [--hangup-after S] [--ring-timeout S] [--host H] [--wa-token T] [--page-token T]
Prints one JSON object per line. Tokens and the app secret are never printed.`;

const COMMON = {
  'graph-port': { type: 'string' },
  host: { type: 'string' },
  'webhook-url': { type: 'string' },
  'app-secret': { type: 'string' },
  'graph-version': { type: 'string' },
  'wa-token': { type: 'string' },
  'page-token': { type: 'string' },
  'ring-timeout': { type: 'string' },
} as const;

const CALL = {
  ...COMMON,
  channel: { type: 'string' },
  name: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  link: { type: 'string' },
  'cta-payload': { type: 'string' },
  source: { type: 'string' },
  echo: { type: 'boolean' },
  'hangup-after': { type: 'string' },
} as const;

/**
 * Reads the command line by hand-checked rules: unknown options, missing values and bad values
 * all come back as a message (the caller exits 2), never as an exception.
 *
 * @example
 * const parsed = parseCliArgs(['call', '--channel', 'whatsapp', '--webhook-url', 'http://127.0.0.1:3000/webhooks/meta']);
 * if (!parsed.ok) console.error(parsed.message);
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { ok: true, value: { command: 'help' } };
  }
  if (command !== 'serve' && command !== 'call') {
    return { ok: false, message: `unknown command "${command}": use serve or call` };
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: command === 'serve' ? COMMON : CALL,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  try {
    if (command === 'serve') return { ok: true, value: { command, ...readCommon(values, false) } };
    // what to call is the first thing to get right, so it is checked first
    const call = readCall(values);
    return { ok: true, value: { command, ...readCommon(values, true), ...call } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function readCommon(
  values: Record<string, string | boolean | undefined>,
  call: boolean,
): CommonArgs {
  const webhookUrl = text(values, 'webhook-url');
  if (call && webhookUrl === null) throw new Error('--webhook-url is required for call');
  if (webhookUrl !== null) checkUrl(webhookUrl);
  const graphVersion = text(values, 'graph-version');
  if (graphVersion !== null && !/^v\d+\.\d+$/.test(graphVersion)) {
    throw new Error(`--graph-version must look like v24.0, got "${graphVersion}"`);
  }
  return {
    graphPort: port(text(values, 'graph-port') ?? '4010'),
    host: text(values, 'host') ?? '127.0.0.1',
    webhookUrl,
    appSecret: text(values, 'app-secret'),
    graphVersion,
    waToken: text(values, 'wa-token'),
    pageToken: text(values, 'page-token'),
    ringTimeoutS: seconds(values, 'ring-timeout'),
  };
}

function readCall(values: Record<string, string | boolean | undefined>) {
  const channel = text(values, 'channel');
  if (channel !== 'whatsapp' && channel !== 'messenger') {
    throw new Error(
      `--channel must be whatsapp or messenger, got ${channel === null ? 'nothing' : `"${channel}"`}`,
    );
  }
  const from = text(values, 'from');
  if (from !== null && !/^\+?\d{6,20}$/.test(from)) {
    throw new Error(`--from must be a number (digits, optional leading +), got "${from}"`);
  }
  const source = text(values, 'source') ?? 'tone';
  if (source !== 'tone' && source !== 'speech' && source !== 'silence') {
    throw new Error(`--source must be tone, speech or silence, got "${source}"`);
  }
  return {
    channel,
    name: text(values, 'name'),
    from: from?.replace(/^\+/, '') ?? null,
    to: text(values, 'to'),
    link: text(values, 'link'),
    ctaPayload: text(values, 'cta-payload'),
    source,
    echo: values.echo === true,
    hangupAfterS: seconds(values, 'hangup-after'),
  } as const;
}

function text(values: Record<string, string | boolean | undefined>, key: string): string | null {
  const value = values[key];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`--${key} needs a value`);
  return value.trim();
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535)
    throw new Error(`--graph-port must be 0..65535, got "${value}"`);
  return n;
}

function seconds(values: Record<string, string | boolean | undefined>, key: string): number | null {
  const value = text(values, key);
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${key} must be a positive number of seconds, got "${value}"`);
  return n;
}

function checkUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--webhook-url is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--webhook-url must be http(s), got "${url.protocol}"`);
  }
}
