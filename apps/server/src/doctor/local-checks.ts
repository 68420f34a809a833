import type { DoctorCheck } from '@ringside/contracts';
import { result } from './doctor-check';

/** Meta's webhook path on this server (create-app.ts mounts the router there) */
export const META_WEBHOOK_PATH = '/webhooks/meta';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `public-origin`: Meta calls an https callback URL only; plain http on this machine is the demo
 * (warn), anywhere else a failure.
 *
 * @example
 * publicOriginCheck(['https://ringside.example.com']).status; // 'ok'
 */
export function publicOriginCheck(origins: readonly string[]): DoctorCheck {
  const origin = origins[0];
  const fix =
    'Serve Ringside on https and set PUBLIC_ORIGIN to that address (e.g. https://ringside.example.com).';
  if (origin === undefined) {
    return result('public-origin', 'fail', null, 'PUBLIC_ORIGIN is not set.', fix);
  }
  const url = new URL(origin);
  if (url.protocol === 'https:') {
    return result('public-origin', 'ok', null, `PUBLIC_ORIGIN is on https (${origin}).`);
  }
  if (LOOPBACK.has(url.hostname)) {
    return result(
      'public-origin',
      'warn',
      null,
      `PUBLIC_ORIGIN is ${origin}: fine for the demo on this machine, but Meta sends webhooks only to https addresses it can reach.`,
      fix,
    );
  }
  return result(
    'public-origin',
    'fail',
    null,
    `PUBLIC_ORIGIN is ${origin}, not https: Meta does not send webhooks to it.`,
    fix,
  );
}

/**
 * `turn`: without a TURN server, agents behind strict firewalls or symmetric NAT get no audio.
 *
 * @example
 * turnCheck([]).status; // 'warn'
 */
export function turnCheck(turnUrls: readonly string[]): DoctorCheck {
  if (turnUrls.length > 0) {
    return result(
      'turn',
      'ok',
      null,
      `A TURN server is configured (${turnUrls.length} address${turnUrls.length > 1 ? 'es' : ''}).`,
    );
  }
  return result(
    'turn',
    'warn',
    null,
    'No TURN server is configured: agents behind strict firewalls or some home routers will hear nothing.',
    'Run a TURN server (coturn) and set TURN_URLS and TURN_SECRET.',
  );
}

/** what fetching the verification URL gave */
export type VerificationReply =
  { kind: 'answered'; status: number; body: string } | { kind: 'unreachable'; reason: string };

/**
 * `webhook-reachable`: the public webhook URL, asked as Meta verifies it
 * (`GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=N`), must answer 200 with N.
 *
 * @example
 * webhookReachableCheck('https://r.example.com/webhooks/meta', '4821', { kind: 'answered', status: 200, body: '4821' });
 */
export function webhookReachableCheck(
  url: string,
  challenge: string,
  reply: VerificationReply | 'no-verify-token',
): DoctorCheck {
  if (reply === 'no-verify-token') {
    return result(
      'webhook-reachable',
      'warn',
      null,
      'No verify token is configured, so the webhook URL cannot be verified as Meta does.',
      'Set META_VERIFY_TOKEN and enter the same value in the Meta app dashboard (Webhooks).',
    );
  }
  if (reply.kind === 'unreachable') {
    return result(
      'webhook-reachable',
      'fail',
      null,
      `The webhook URL ${url} could not be reached from here (${reply.reason}).`,
      'Make PUBLIC_ORIGIN point to this server (DNS, reverse proxy, firewall) and run the checks again.',
    );
  }
  if (reply.status === 200 && reply.body === challenge) {
    return result(
      'webhook-reachable',
      'ok',
      null,
      `The webhook URL ${url} answers Meta’s verification.`,
    );
  }
  if (reply.status === 403) {
    return result(
      'webhook-reachable',
      'fail',
      null,
      `The webhook URL ${url} refused the verify token: the server there has another META_VERIFY_TOKEN.`,
      'Make PUBLIC_ORIGIN point to this server, with the same META_VERIFY_TOKEN as in the Meta app dashboard.',
    );
  }
  return result(
    'webhook-reachable',
    'fail',
    null,
    `The webhook URL ${url} did not answer Meta’s verification (HTTP ${reply.status}).`,
    'Make PUBLIC_ORIGIN point to this Ringside server (a reverse proxy must pass /webhooks/meta through).',
  );
}
