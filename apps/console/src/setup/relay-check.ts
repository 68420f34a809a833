import type { CheckResult } from './check-result';

/** how the browser reaches a TURN relay */
export type RelayTransport = 'udp' | 'tcp' | 'tls';

/** one TURN URL tried: did it give the browser a relay address */
export interface RelayAttempt {
  url: string;
  transport: RelayTransport;
  reached: boolean;
  /** how long until the relay address came, when it did */
  ms?: number;
  /** the browser's ICE error for this URL (e.g. 401 "Unauthorized"), when it said one */
  error?: { code: number; text: string };
}

const NAMES: Record<RelayTransport, string> = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' };

/**
 * How a `turn:` / `turns:` URL is reached: `turns:` is TLS; otherwise its `transport`
 * parameter, UDP by default (RFC 7065).
 *
 * @example
 * relayTransport('turn:relay.example.com:3478?transport=tcp'); // 'tcp'
 * relayTransport('turns:relay.example.com:443?transport=tcp'); // 'tls'
 */
export function relayTransport(url: string): RelayTransport {
  if (/^turns:/i.test(url)) return 'tls';
  return /[?&]transport=tcp\b/i.test(url) ? 'tcp' : 'udp';
}

/**
 * What an IT team must allow for a URL: its host and port with the protocol.
 *
 * @example
 * relayAddress('turn:relay.example.com:3478?transport=tcp'); // 'relay.example.com port 3478 (TCP)'
 */
export function relayAddress(url: string): string {
  const transport = relayTransport(url);
  const hostPort = url.replace(/^turns?:/i, '').replace(/\?.*$/, '');
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostPort);
  const host = match?.[1] ?? hostPort;
  const port = match?.[2] ?? (transport === 'tls' ? '5349' : '3478');
  return `${host} port ${port} (${transport === 'udp' ? 'UDP' : 'TCP'})`;
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function transports(attempts: RelayAttempt[]): string {
  return list([...new Set(attempts.map((a) => NAMES[a.transport]))]);
}

/**
 * The relay (TURN) check's verdict: every configured URL answered, some, or none; and what that
 * means for calls given the workspace's policy (`relay`: every call goes through the relay).
 *
 * @example
 * judgeRelays([], 'all').verdict; // 'info': none set up, direct paths only
 */
export function judgeRelays(attempts: RelayAttempt[], policy: RTCIceTransportPolicy): CheckResult {
  if (attempts.length === 0) {
    return {
      id: 'relay',
      verdict: 'info',
      summary:
        'No relay (TURN) server is set up for your workspace, so this test checks direct network paths only.',
      fix: 'If calls connect but nobody hears anything on your network, ask your administrator to set up a TURN relay.',
    };
  }
  const reached = attempts.filter((a) => a.reached);
  const missed = attempts.filter((a) => !a.reached);
  const figures = reached.map((a) => `${NAMES[a.transport]}: answered in ${a.ms ?? '?'} ms`);
  const refused = missed.some((a) => a.error?.code === 401);
  const allow = `Ask your IT team to allow ${list(missed.map((a) => relayAddress(a.url)))}.`;
  if (missed.length === 0) {
    return {
      id: 'relay',
      verdict: 'pass',
      summary: `The relay server answers over ${transports(reached)}.`,
      figures,
    };
  }
  if (reached.length > 0) {
    return {
      id: 'relay',
      verdict: 'warn',
      summary: `The relay server answers over ${transports(reached)} but not over ${transports(missed)}. Calls still connect.`,
      fix: refused
        ? 'The relay refused our sign-in on some addresses: tell your administrator.'
        : `If audio drops on this network, ${allow.charAt(0).toLowerCase()}${allow.slice(1)}`,
      figures,
    };
  }
  return {
    id: 'relay',
    verdict: 'fail',
    summary:
      policy === 'relay'
        ? 'We could not reach the relay server, and your workspace sends every call through it: calls would have no audio on this network.'
        : 'We could not reach the relay server: on networks that block direct paths, calls would have no audio.',
    fix: refused
      ? 'The relay refused our sign-in. Reload the page; if it happens again, tell your administrator (the relay and Ringside may not share the same secret).'
      : allow,
  };
}
