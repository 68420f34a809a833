import { t } from '../i18n/i18n';
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
  return t('relay.address', { host, port, transport: transport === 'udp' ? 'UDP' : 'TCP' });
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return t('relay.list', { rest: words.slice(0, -1).join(', '), last: words.at(-1) ?? '' });
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
      summary: t('relay.none'),
      fix: t('relay.noneFix'),
    };
  }
  const reached = attempts.filter((a) => a.reached);
  const missed = attempts.filter((a) => !a.reached);
  const figures = reached.map((a) =>
    t('relay.answeredIn', { transport: NAMES[a.transport], ms: a.ms ?? '?' }),
  );
  const refused = missed.some((a) => a.error?.code === 401);
  const addresses = list(missed.map((a) => relayAddress(a.url)));
  if (missed.length === 0) {
    return {
      id: 'relay',
      verdict: 'pass',
      summary: t('relay.answers', { transports: transports(reached) }),
      figures,
    };
  }
  if (reached.length > 0) {
    return {
      id: 'relay',
      verdict: 'warn',
      summary: t('relay.partly', { reached: transports(reached), missed: transports(missed) }),
      fix: refused ? t('relay.refusedSome') : t('relay.ifDrops', { addresses }),
      figures,
    };
  }
  return {
    id: 'relay',
    verdict: 'fail',
    summary: policy === 'relay' ? t('relay.unreachableAll') : t('relay.unreachable'),
    fix: refused ? t('relay.refused') : t('relay.allow', { addresses }),
  };
}
