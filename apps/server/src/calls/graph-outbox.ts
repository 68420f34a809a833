import type { Effect } from '@ringside/calls';
import { backoffDelay } from '../graph/backoff';
import { GraphApiError } from '../graph/graph-api-error';
import type { GraphClient } from '../graph/graph-client';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { ChannelRecord } from '../repos/channel-rows';
import type { GraphActionKind, GraphActionResult, NewGraphAction } from '../repos/graph-actions';
import type { Repos } from '../repos';
import { mediaPolicyOf } from '../graph/media-opt-in';

/**
 * How long the node that decided has to tell Meta before any node's worker may try: longer
 * than the Graph client's own worst case (3 attempts of at most 8 s, with backoff).
 */
export const GRAPH_ACTION_LEASE_MS = 30_000;
/** how often each node looks for actions left pending */
export const GRAPH_OUTBOX_PERIOD_MS = 2_000;
/** waits between tries: exponential from 2 s, at most a minute */
export const GRAPH_ACTION_RETRY = { baseMs: 2_000, maxMs: 60_000 } as const;
/**
 * A reject or terminate still refused after this long is given up (logged as an error): Meta
 * ends a call it hears nothing about on its own well before.
 */
export const GRAPH_ACTION_GIVE_UP_MS = 15 * 60_000;

/** Meta's reply to a Messenger accept: its answer, maybe with an offer to answer */
export interface MessengerAccepted {
  readonly sdpResponse: string;
  readonly sdpRenegotiation?: string;
}

/** what one try came to */
export type GraphTry =
  | { readonly ok: true; readonly messenger?: MessengerAccepted }
  | { readonly ok: false; readonly error: unknown; readonly final: boolean };

/**
 * Meta's 138003, "call already ongoing": the answer to an accept resent for a call an earlier try
 * of ours already accepted (Meta documents the code, not this use of it: see FIDELITY.md)
 */
export const CALL_ALREADY_ONGOING = 138003;

function isCallOngoing(error: unknown): boolean {
  return error instanceof GraphApiError && error.code === CALL_ALREADY_ONGOING;
}

/** the Graph action an effect decides, if it is one */
export function graphActionOf(effect: Effect): GraphActionKind | undefined {
  switch (effect.type) {
    case 'send-pre-accept':
      return 'pre-accept';
    case 'send-accept':
      return 'accept';
    case 'send-reject':
      return 'reject';
    case 'send-terminate':
      return 'terminate';
    default:
      return undefined;
  }
}

/** the decisions among a transition's effects, as rows for the deciding transaction */
export function decidedGraphActions(
  effects: readonly Effect[],
  call: { readonly id: string; readonly workspaceId: string },
  sdp: string | undefined,
): NewGraphAction[] {
  const rows: NewGraphAction[] = [];
  for (const effect of effects) {
    const action = graphActionOf(effect);
    if (action === undefined) continue;
    const carriesSdp = action === 'pre-accept' || action === 'accept';
    rows.push({
      callId: call.id,
      workspaceId: call.workspaceId,
      action,
      ...(carriesSdp && sdp !== undefined ? { sdp } : {}),
      // sent one after the other: each waits for those before it (an accept after pre_accept)
      holdMs: GRAPH_ACTION_LEASE_MS * (rows.length + 1),
    });
  }
  return rows;
}

/**
 * Sends a recorded Graph action to Meta and settles its row by what Meta said: confirmed,
 * refused for good (Meta's error kept), or — a network failure, a timeout, a 5xx — postponed
 * for another try with backoff. The caller decides what a refusal means for the call.
 *
 * @example
 * const tried = await sender.send(channel, { id: row.id, metaCallId }, 'reject', undefined, { attempt: 1 });
 */
export function createGraphActionSender(deps: {
  repos: Pick<Repos, 'graphActions' | 'channels' | 'callMedia'>;
  graph: GraphClient;
  clock: () => Date;
  logger: Logger;
  metrics: Metrics;
  random?: () => number;
}) {
  const random = deps.random ?? Math.random;

  async function request(
    channel: ChannelRecord,
    metaCallId: string,
    action: GraphActionKind,
    sdp: string,
    recordedHere: boolean,
  ): Promise<MessengerAccepted | undefined> {
    const creds = await deps.repos.channels.getChannelCredentials(channel.id);
    if (!creds) {
      throw new GraphApiError({
        kind: 'meta',
        meaning: 'This channel has no access token.',
        retryable: false,
      });
    }
    const wa = deps.graph.whatsapp;
    const msgr = deps.graph.messenger;
    const whatsapp = channel.kind === 'whatsapp';
    switch (action) {
      case 'pre-accept':
        await wa.preAccept(creds, metaCallId, sdp);
        return undefined;
      case 'accept': {
        if (whatsapp) {
          await wa.accept(creds, metaCallId, sdp, undefined, mediaPolicyOf(channel, recordedHere));
          return undefined;
        }
        const reply = await msgr.accept(creds, metaCallId, sdp);
        return {
          sdpResponse: reply.session.sdp_response.sdp,
          ...(reply.session.sdp_renegotiation
            ? { sdpRenegotiation: reply.session.sdp_renegotiation.sdp }
            : {}),
        };
      }
      case 'reject':
        await (whatsapp ? wa.reject : msgr.reject)(creds, metaCallId);
        return undefined;
      case 'terminate':
        await (whatsapp ? wa.terminate : msgr.terminate)(creds, metaCallId);
        return undefined;
    }
  }

  async function settle(
    callId: string,
    action: GraphActionKind,
    result: GraphActionResult,
    error?: string,
  ): Promise<void> {
    if (await deps.repos.graphActions.settle(callId, action, result, deps.clock(), error)) {
      deps.metrics.graphActions.inc({ action, result });
    }
  }

  return {
    settle,
    /**
     * One try of a recorded action. With `finalOnFailure` any failure Meta's side reports
     * settles it as refused (the caller ends the call instead); a failure of ours (the
     * database) always leaves it pending.
     */
    async send(
      channel: ChannelRecord,
      call: {
        readonly id: string;
        readonly metaCallId: string;
        /** the engine of an anchored call: it records the call, Meta is not asked to */
        readonly anchorEngine?: string | null;
      },
      action: GraphActionKind,
      sdp: string | undefined,
      how: {
        /** tries so far, this one included */
        readonly attempt: number;
        /** any failure Meta's side reports settles it as refused */
        readonly finalOnFailure?: boolean;
        /** a worker resends what a node decided (maybe sent) before */
        readonly resent?: boolean;
      },
    ): Promise<GraphTry> {
      const { attempt, finalOnFailure = false, resent = false } = how;
      try {
        const recordedHere = call.anchorEngine !== undefined && call.anchorEngine !== null;
        const messenger = await request(channel, call.metaCallId, action, sdp ?? '', recordedHere);
        await settle(call.id, action, 'confirmed');
        const policy = action === 'accept' ? mediaPolicyOf(channel) : undefined;
        if (policy && policy.capture !== 'off') {
          await deps.repos.callMedia.markCapture(call.id, policy.capture);
        }
        return messenger ? { ok: true, messenger } : { ok: true };
      } catch (error) {
        if (resent && action === 'accept' && isCallOngoing(error)) {
          // our earlier try got through before its node died: Meta has the call accepted
          await settle(call.id, action, 'confirmed', 'Meta: call already ongoing');
          return { ok: true };
        }
        const final = error instanceof GraphApiError && (finalOnFailure || !error.retryable);
        const said = error instanceof GraphApiError ? error.message : 'not sent';
        try {
          if (final) {
            await settle(call.id, action, 'refused', said);
          } else {
            const waitMs = Math.max(
              GRAPH_ACTION_RETRY.baseMs / 2,
              backoffDelay(attempt, GRAPH_ACTION_RETRY, random),
            );
            const at = new Date(deps.clock().getTime() + waitMs);
            await deps.repos.graphActions.postpone(call.id, action, said, at);
          }
        } catch (bookkeeping) {
          // the database is away: the lease runs out and a worker tries again all the same
          deps.logger.warn(
            { err: bookkeeping, callId: call.id, action },
            'could not record a Graph action try',
          );
        }
        return { ok: false, error, final };
      }
    },
  };
}

export type GraphActionSender = ReturnType<typeof createGraphActionSender>;
