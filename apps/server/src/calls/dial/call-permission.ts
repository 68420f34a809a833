import { describeMetaError } from '@ringside/contracts';
import { GraphApiError } from '../../graph/graph-api-error';
import type { GraphClient } from '../../graph/graph-client';
import type { GraphCredentials } from '../../graph/graph-credentials';
import type { Logger } from '../../ops/logger';
import type { ChannelRecord } from '../../repos/channel-rows';
import { createTtlCache } from '../../repos/ttl-cache';
import type { Actor } from '../actor';
import { CommandError } from '../command-error';
import type { DialTarget } from './dial-target';
import { permissionVerdict, type PermissionVerdict } from './permission-verdict';
import type { PermissionRequests } from './permission-requests';
import { permissionRequestKind, RE_ENGAGEMENT, windowClosedWords } from './permission-request-kind';
import type { PermissionTemplatesRepo } from '../../repos/permission-templates';

/** Meta allows one permission request a day per customer (meta-calling.md §2.8) */
export const ASKED_RECENTLY_MS = 24 * 60 * 60 * 1000;
/** a customer's call opens a 24-hour customer service window (*Service messages*) */
const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

// meta's codes for "a request was already sent" and "they already allowed calls for good"
const REQUEST_LIMIT = 138009;
const PERMANENT_PERMISSION = 138017;
const CALL_LIMIT = 138012;

/**
 * The permission step of an outbound call: asks Meta whether the customer allows calls and,
 * when they do not, sends them a permission request, at most once per {@link ASKED_RECENTLY_MS}
 * from this server (Meta's own limits, 1 a day and 2 a week, back that up with 138009). Each
 * request is audited and counts against the agent's hourly limit first (`permission-requests.ts`).
 * Resolves when the call may go ahead; otherwise throws a {@link CommandError} the agent reads:
 * `permission_requested` (asked now, or lately) or `meta_error`.
 *
 * @example
 * const permission = createCallPermission({ graph, logger, requests, now: Date.now });
 * await permission.ensure(channel, creds, { id: '447700900123', shown: '+447700900123' }, 'Acme', actor);
 */
export function createCallPermission(deps: {
  graph: GraphClient;
  logger: Logger;
  requests: Pick<PermissionRequests, 'admit'>;
  /** the number's approved template, and whether the customer called it lately (the window) */
  templates: Pick<PermissionTemplatesRepo, 'get' | 'calledSince'>;
  now?: () => number;
}) {
  const nowMs = deps.now ?? Date.now;
  const asked = createTtlCache<true>({
    ttlMs: ASKED_RECENTLY_MS,
    ...(deps.now ? { now: deps.now } : {}),
  });

  async function verdictFor(
    channel: ChannelRecord,
    creds: GraphCredentials,
    target: DialTarget,
  ): Promise<PermissionVerdict> {
    return channel.kind === 'whatsapp'
      ? permissionVerdict('whatsapp', await deps.graph.whatsapp.callPermissions(creds, target.id))
      : permissionVerdict(
          'messenger',
          await deps.graph.messenger.callPermissions(creds, target.id),
        );
  }

  /** sends the request; false when Meta says permission is already permanent (call away) */
  async function ask(
    channel: ChannelRecord,
    creds: GraphCredentials,
    target: DialTarget,
    business: string,
    key: string,
  ): Promise<boolean> {
    try {
      if (channel.kind === 'whatsapp') {
        await askOnWhatsApp(channel, creds, target, business);
      } else {
        await deps.graph.messenger.requestPermission(creds, target.id);
      }
      return true;
    } catch (error) {
      if (error instanceof GraphApiError && error.code === PERMANENT_PERMISSION) return false;
      if (error instanceof GraphApiError && error.code === REQUEST_LIMIT) {
        asked.set(key, true);
        throw askedAlready(target);
      }
      throw error;
    }
  }

  // free-form inside the customer service window, else the number's template; a free-form
  // request Meta refuses as outside the window goes again as the template, when there is one
  async function askOnWhatsApp(
    channel: ChannelRecord,
    creds: GraphCredentials,
    target: DialTarget,
    business: string,
  ): Promise<void> {
    const template = await deps.templates.get(channel.workspaceId, channel.id);
    const since = new Date(nowMs() - SERVICE_WINDOW_MS);
    const windowOpen = await deps.templates.calledSince(channel.id, target.id, since);
    if (template && permissionRequestKind({ windowOpen, template }) === 'template') {
      await deps.graph.whatsapp.requestPermissionWithTemplate(creds, target.id, template);
      return;
    }
    try {
      await deps.graph.whatsapp.requestPermission(creds, target.id, requestText(business));
    } catch (error) {
      if (!(error instanceof GraphApiError) || error.code !== RE_ENGAGEMENT) throw error;
      if (!template) throw new CommandError('meta_error', windowClosedWords(target.shown));
      deps.logger.info({ channelId: channel.id }, 'window closed: permission asked by template');
      await deps.graph.whatsapp.requestPermissionWithTemplate(creds, target.id, template);
    }
  }

  return {
    async ensure(
      channel: ChannelRecord,
      creds: GraphCredentials,
      target: DialTarget,
      business: string,
      actor: Actor,
    ): Promise<void> {
      const key = `${channel.id}:${target.id}`;
      try {
        const verdict = await verdictFor(channel, creds, target);
        switch (verdict.kind) {
          case 'may-call':
            return;
          case 'call-limit':
            throw new CommandError('meta_error', describeMetaError(CALL_LIMIT).meaning);
          case 'asked-already':
            throw askedAlready(target);
          case 'may-ask':
            if (asked.get(key)) throw askedAlready(target);
            await deps.requests.admit(actor, channel, target);
            if (!(await ask(channel, creds, target, business, key))) return;
            asked.set(key, true);
            deps.logger.info(
              { channelId: channel.id, channel: channel.kind },
              'call permission requested',
            );
            throw new CommandError(
              'permission_requested',
              `We asked ${target.shown} to allow calls; try again once they accept.`,
            );
        }
      } catch (error) {
        if (error instanceof GraphApiError) throw new CommandError('meta_error', error.meaning);
        throw error;
      }
    },
  };
}

export type CallPermission = ReturnType<typeof createCallPermission>;

function askedAlready(target: DialTarget): CommandError {
  return new CommandError(
    'permission_requested',
    `We already asked ${target.shown} to allow calls, and they have not accepted yet; try again once they do.`,
  );
}

/**
 * The body of the WhatsApp permission request: who wants to call (interactive bodies take up to
 * 1024 characters; a workspace name is far shorter, but bounded all the same).
 *
 * @example
 * requestText('Acme Support'); // 'Acme Support would like to call you on WhatsApp.'
 */
export function requestText(business: string): string {
  const name = business.trim().slice(0, 200) || 'We';
  return `${name} would like to call you on WhatsApp.`;
}
