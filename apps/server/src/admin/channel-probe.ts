import type { ChannelTestResult } from '@ringside/contracts';
import { SecretBoxError } from '../db/secret-box';
import { GraphApiError } from '../graph/graph-api-error';
import type { GraphClient } from '../graph/graph-client';
import type { GraphCredentials } from '../graph/graph-credentials';
import { AppError } from '../http/app-error';
import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import type { ChannelListing } from '../repos/channel-rows';

// a page-scoped id no user has: the read only needs a syntactically valid one
const PROBE_PSID = '0';

/**
 * "Test connection": one cheap Graph read with the channel's token (WhatsApp: the number's
 * calling settings; Messenger: a call-permission lookup on the Page), and Meta's answer in
 * plain words. Never throws for Meta's refusals; never reveals the token.
 *
 * @example
 * const result = await probeChannel({ repos, graph, clock, logger }, channel);
 * // { ok: false, message: 'Meta refused: The channel’s access token is invalid or expired…', metaError: { code: 190, … } }
 */
export async function probeChannel(
  deps: { repos: Repos; graph: GraphClient; clock: () => Date; logger?: Logger },
  channel: ChannelListing,
): Promise<ChannelTestResult> {
  const checkedAt = () => deps.clock().toISOString();
  let credentials: GraphCredentials | undefined;
  try {
    credentials = await deps.repos.channels.getChannelCredentials(channel.id);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    return {
      ok: false,
      checkedAt: checkedAt(),
      message:
        'The stored token cannot be read (the server’s SECRETS_KEY changed). Enter the token again.',
    };
  }
  if (!credentials) {
    return {
      ok: false,
      checkedAt: checkedAt(),
      message: 'No access token is set for this channel.',
    };
  }
  try {
    if (channel.kind === 'whatsapp') {
      const settings = await deps.graph.whatsapp.getSettings(credentials);
      const calling = callingStatus(settings.calling);
      return {
        ok: true,
        checkedAt: checkedAt(),
        message:
          calling === undefined
            ? `Meta accepted the token for ${channel.name}.`
            : `Meta accepted the token for ${channel.name}; calling is ${calling ? 'enabled' : 'disabled'} on this number.`,
        ...(calling === undefined ? {} : { callingEnabled: calling }),
      };
    }
    await deps.graph.messenger.callPermissions(credentials, PROBE_PSID);
    return {
      ok: true,
      checkedAt: checkedAt(),
      message: `Meta accepted the token for the Page ${channel.name}.`,
    };
  } catch (error) {
    if (!(error instanceof GraphApiError)) throw error;
    deps.logger?.info(
      { channelId: channel.id, code: error.code, kind: error.kind },
      'channel test refused',
    );
    return {
      ok: false,
      checkedAt: checkedAt(),
      message: `Meta refused: ${error.meaning}`,
      metaError: {
        ...(error.code === undefined ? {} : { code: error.code }),
        meaning: error.meaning,
        retryable: error.retryable,
      },
    };
  }
}

// meta's `calling.status`: ENABLED or DISABLED; anything else says nothing
function callingStatus(calling: unknown): boolean | undefined {
  if (typeof calling !== 'object' || calling === null || !('status' in calling)) return undefined;
  if (calling.status === 'ENABLED') return true;
  if (calling.status === 'DISABLED') return false;
  return undefined;
}

/**
 * Before a number or Page is connected: reads it from Meta with the token the admin gave, which
 * Meta answers only for a token that may act for that very number or Page. A refusal (or no
 * answer) throws a 422 (502) `AppError` in plain words, without the token; nothing is stored.
 *
 * @example
 * await requireTokenFor(graph, { kind: 'messenger', nodeId: pageId, accessToken }, logger);
 */
export async function requireTokenFor(
  graph: GraphClient,
  target: GraphCredentials & { kind: 'whatsapp' | 'messenger' },
  logger?: Logger,
): Promise<void> {
  const what =
    target.kind === 'whatsapp' ? `phone number id ${target.nodeId}` : `Page ${target.nodeId}`;
  try {
    const node =
      target.kind === 'whatsapp'
        ? await graph.whatsapp.describeNumber(target)
        : await graph.messenger.describePage(target);
    if (node.id !== target.nodeId) {
      throw new AppError(
        'meta_error',
        422,
        `Meta answered for another object than ${what}; nothing was saved.`,
      );
    }
  } catch (error) {
    if (!(error instanceof GraphApiError)) throw error;
    logger?.info(
      { nodeId: target.nodeId, code: error.code, kind: error.kind },
      'channel connect refused by Meta',
    );
    if (error.retryable) {
      throw new AppError(
        'meta_error',
        502,
        `Could not check the access token with Meta (${error.meaning}) Nothing was saved; try again.`,
      );
    }
    throw new AppError(
      'meta_error',
      422,
      `Meta did not accept this access token for ${what}: ${error.meaning} Nothing was saved.`,
    );
  }
}
