import { randomInt } from 'node:crypto';
import type { DoctorCheck, DoctorReport } from '@ringside/contracts';
import { SecretBoxError } from '../db/secret-box';
import type { GraphClient } from '../graph/graph-client';
import type { GraphCredentials } from '../graph/graph-credentials';
import type { ChannelRecord } from '../repos/channel-rows';
import { callingCheck, limitCheck, ringTargetCheck } from './calling-checks';
import { ask, result, type DoctorChannel } from './doctor-check';
import {
  META_WEBHOOK_PATH,
  publicOriginCheck,
  turnCheck,
  webhookReachableCheck,
  type VerificationReply,
} from './local-checks';
import { tokenChecks } from './token-checks';
import { appFieldsCheck, pageSubscriptionCheck, wabaSubscriptionCheck } from './webhook-checks';

/** What the checks read: the channels and their tokens, Meta, and the installation's settings. */
export interface DoctorDeps {
  channels: {
    /** the channels to check (enabled ones are checked) */
    list(): Promise<readonly ChannelRecord[]>;
    /** a channel's token, opened just before use; throws SecretBoxError if it cannot be */
    credentials(channelId: string): Promise<GraphCredentials | undefined>;
  };
  graph: Pick<GraphClient, 'whatsapp' | 'messenger' | 'setup'>;
  clock: () => Date;
  publicOrigins: readonly string[];
  turnUrls: readonly string[];
  /** the app secret and verify token in force; empty when not configured */
  meta: () => { appSecret: string; verifyToken: string };
  fetch?: typeof fetch;
}

const VERIFY_TIMEOUT_MS = 5_000;

/**
 * Every check, for each enabled channel (asking Meta) and for the installation itself. The
 * report says calls can flow only when no check failed. Never includes a token or secret.
 *
 * @example
 * const report = await runDoctor({ channels, graph, clock, publicOrigins, turnUrls, meta });
 * if (!report.callsCanFlow) process.exitCode = 1;
 */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const channels = (await deps.channels.list()).filter((c) => c.enabled);
  const checks: DoctorCheck[] = [];
  // the app's own webhook fields are the same for every channel of the app: read once a run
  const appSubscriptions = new Map<string, ReturnType<typeof readAppSubscriptions>>();
  const appFieldsOf = (appId: string, appSecret: string) => {
    let read = appSubscriptions.get(appId);
    if (!read) {
      read = readAppSubscriptions(deps, appId, appSecret);
      appSubscriptions.set(appId, read);
    }
    return read;
  };
  for (const channel of channels) {
    checks.push(...(await channelChecks(deps, channel, appFieldsOf)));
  }
  checks.push(publicOriginCheck(deps.publicOrigins), turnCheck(deps.turnUrls));
  checks.push(await reachableCheck(deps));
  return {
    checkedAt: deps.clock().toISOString(),
    callsCanFlow: checks.every((c) => c.status !== 'fail'),
    checks,
  };
}

function readAppSubscriptions(deps: DoctorDeps, appId: string, appSecret: string) {
  return ask(() => deps.graph.setup.appSubscriptions(appId, appSecret));
}

async function channelChecks(
  deps: DoctorDeps,
  record: ChannelRecord,
  appFieldsOf: (appId: string, appSecret: string) => ReturnType<typeof readAppSubscriptions>,
): Promise<DoctorCheck[]> {
  const channel: DoctorChannel = { id: record.id, kind: record.kind, name: record.name };
  let creds: GraphCredentials | undefined;
  try {
    creds = await deps.channels.credentials(record.id);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    return [
      result(
        'token',
        'fail',
        channel,
        'The stored access token cannot be read (the server’s SECRETS_KEY changed).',
        'Enter the token again in Admin → Channels → Edit.',
      ),
    ];
  }
  if (!creds) {
    return [
      result(
        'token',
        'fail',
        channel,
        'No access token is set for this channel.',
        'Enter one in Admin → Channels → Edit.',
      ),
    ];
  }
  const { graph } = deps;
  const target =
    record.kind === 'whatsapp'
      ? { kind: 'whatsapp' as const, wabaId: record.wabaId ?? '' }
      : { kind: 'messenger' as const, pageId: record.externalId };
  const token = tokenChecks(
    channel,
    await ask(() => graph.setup.debugToken(creds)),
    target,
    deps.clock(),
  );
  if (!token.usable) return token.checks;
  const { appSecret } = deps.meta();
  const appFields = async () =>
    appSecret === ''
      ? ('no-app-secret' as const)
      : token.appId === undefined
        ? ('no-app-id' as const)
        : await appFieldsOf(token.appId, appSecret);
  if (target.kind === 'whatsapp') {
    return [
      ...token.checks,
      wabaSubscriptionCheck(
        channel,
        await ask(() => graph.setup.wabaSubscribedApps(creds, target.wabaId)),
        token.appId,
        target.wabaId,
      ),
      appFieldsCheck(channel, await appFields(), 'whatsapp_business_account'),
      callingCheck(channel, await ask(() => graph.whatsapp.getSettings(creds))),
      limitCheck(channel, await ask(() => graph.setup.messagingLimit(creds))),
    ];
  }
  return [
    ...token.checks,
    pageSubscriptionCheck(
      channel,
      await ask(() => graph.setup.pageSubscribedApps(creds)),
      token.appId,
      target.pageId,
    ),
    appFieldsCheck(channel, await appFields(), 'page'),
    ringTargetCheck(channel, await ask(() => graph.messenger.getCallSettings(creds))),
  ];
}

async function reachableCheck(deps: DoctorDeps): Promise<DoctorCheck> {
  const origin = deps.publicOrigins[0];
  const url = `${origin ?? ''}${META_WEBHOOK_PATH}`;
  if (origin === undefined) {
    return webhookReachableCheck(url, '', {
      kind: 'unreachable',
      reason: 'PUBLIC_ORIGIN is not set',
    });
  }
  const challenge = String(randomInt(100_000_000, 999_999_999));
  const { verifyToken } = deps.meta();
  if (verifyToken === '') return webhookReachableCheck(url, challenge, 'no-verify-token');
  return webhookReachableCheck(
    url,
    challenge,
    await verify(deps.fetch ?? fetch, url, verifyToken, challenge),
  );
}

async function verify(
  doFetch: typeof fetch,
  url: string,
  verifyToken: string,
  challenge: string,
): Promise<VerificationReply> {
  const asked = new URL(url);
  asked.searchParams.set('hub.mode', 'subscribe');
  asked.searchParams.set('hub.verify_token', verifyToken);
  asked.searchParams.set('hub.challenge', challenge);
  try {
    const response = await doFetch(asked, {
      signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
      redirect: 'manual',
    });
    return { kind: 'answered', status: response.status, body: (await response.text()).trim() };
  } catch (error) {
    // the reason in words, never the URL with its token
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      kind: 'unreachable',
      reason: timedOut ? `no answer within ${VERIFY_TIMEOUT_MS / 1000} s` : 'connection failed',
    };
  }
}
