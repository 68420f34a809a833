import {
  transition,
  type Call,
  type CallEvent,
  type Effect,
  type TransitionResult,
} from '@ringside/calls';
import type { Logger } from '../ops/logger';
import { enqueueCallEvents, type EnqueueRepos } from '../outbox/enqueue-events';
import type { ChannelRecord } from '../repos/channel-rows';
import type { Tx } from '../db/database';
import type { CallRow } from '../repos/calls';
import type { Repos } from '../repos';
import { decidedGraphActions } from './graph-outbox';
import { timelineEntry } from './timeline';

/** the result of applying one event: the model's verdict and the stored row after it */
export interface Applied {
  readonly result: TransitionResult;
  /** the model before the event */
  readonly before: Call | undefined;
  /** the stored call after the event (undefined when no call exists, e.g. an ignored stray) */
  readonly row: CallRow | undefined;
  /** false when the model ignored the event (duplicate, stale, out of order…) */
  readonly changed: boolean;
  /** the follow-up event applied in the same commit, if there was one (see `apply`) */
  readonly followedBy?: CallEvent;
  /**
   * the event names a call not stored yet that it may still belong to (an outbound call whose
   * dial has not finished); with `deferUnknown` it was left unmarked, to be applied again
   */
  readonly deferred?: boolean;
}

/** How {@link CallEngine.apply} treats one event besides applying it. */
export interface ApplyOptions {
  /** the stored webhook event this applies, marked processed in the same commit */
  readonly webhookKey?: string;
  /**
   * an event to apply on top when the first one changed the call, saved with it (one commit
   * instead of two); its effects follow the first event's
   */
  readonly followUp?: FollowUp;
  /**
   * a webhook event for a call not stored yet that may belong to an outbound call being dialed
   * ({@link awaitsItsDial}) is not marked processed: the caller keeps it and tries again
   */
  readonly deferUnknown?: boolean;
  /** the agent's SDP an accept decided here carries, kept with it in case it must be resent */
  readonly sdp?: string;
}

/**
 * What to apply right after an event, in the same commit, given the model it produced: e.g. a
 * new call's first offer to agents. Undefined: nothing.
 */
export type FollowUp = (call: Call) => CallEvent | undefined;

/**
 * The one place a stored call changes: under the call's lock, apply the pure transition, save the
 * new model with its timeline entry, all in one transaction. Effects are returned, not performed:
 * the caller performs them after the commit, so nothing is sent to Meta or to consoles for a
 * change that did not persist.
 *
 * @example
 * const { result, row } = await engine.apply(channel, { kind: 'agent.claim', callId, agentId, occurredAt: now });
 */
/** what the engine reads and writes: calls, their Graph actions, webhook marks, outgoing events */
export type CallEngineRepos = Pick<Repos, 'calls' | 'graphActions' | 'webhookReceipts'> &
  EnqueueRepos;

export function createCallEngine(deps: { repos: CallEngineRepos; logger: Logger }) {
  async function apply(
    channel: ChannelRecord,
    event: CallEvent,
    options: ApplyOptions = {},
  ): Promise<Applied> {
    const { webhookKey, followUp } = options;
    // what the event (and its follow-up) make of the call as it stands
    function outcome(current: Call | undefined) {
      const first = transition(current, event);
      if (first.call === undefined || first.call === current) return { first };
      const next = followUp?.(first.call);
      const second = next ? transition(first.call, next) : undefined;
      if (!next || second?.call === undefined || second.call === first.call) {
        return { first, model: first.call, result: first };
      }
      const result: TransitionResult = {
        call: second.call,
        effects: [...first.effects, ...second.effects],
        transitions: [...first.transitions, ...second.transitions],
      };
      return { first, model: second.call, result, next, second };
    }

    // the new row's timeline (and the webhook mark) and outbox, in the same transaction
    async function record(
      tx: Tx,
      current: Call | undefined,
      row: CallRow,
      made: ReturnType<typeof outcome>,
    ): Promise<Applied> {
      const entry = (e: CallEvent, r: TransitionResult) => ({
        callId: row.id,
        workspaceId: channel.workspaceId,
        ...timelineEntry(e, r),
      });
      const first = entry(event, made.first);
      const entries = [first];
      if (made.next && made.second) entries.push(entry(made.next, made.second));
      await deps.repos.calls.appendCallEvent(tx, entries, webhookKey);
      await enqueueCallEvents(deps.repos, tx, { channel, event, before: current, row });
      // what must reach Meta is recorded with the decision: a crash cannot lose it
      const decided = decidedGraphActions(
        made.result?.effects ?? made.first.effects,
        row,
        options.sdp,
      );
      await deps.repos.graphActions.record(tx, decided, new Date());
      return {
        result: made.result ?? made.first,
        before: current,
        row,
        changed: true,
        ...(made.next ? { followedBy: made.next } : {}),
      };
    }

    // a connect is mostly for a call not seen yet (a terminate mostly for one that is)
    const fresh = event.kind === 'call.offered' ? outcome(undefined) : undefined;
    const applied = await deps.repos.calls.withCallLock(
      event.callId,
      async (current, tx) => {
        // Meta ended the call: nothing still waiting to be told to it matters any more. A call
        // still ringing has decided nothing yet (a released claim sent no answer), so the
        // missed-call path pays no extra write
        const decided = current && !['ringing', 'tombstone'].includes(current.model.state);
        if (event.kind === 'call.terminated' && current && decided) {
          await deps.repos.graphActions.settleCall(tx, current.row.id, 'moot', new Date());
        }
        const made = outcome(current?.model);
        if (!made.model && current === undefined && options.deferUnknown && awaitsItsDial(event)) {
          // stays pending: the dial that stores this call may not have finished yet
          return {
            result: made.first,
            before: undefined,
            row: undefined,
            changed: false,
            deferred: true,
          };
        }
        if (!made.model) {
          if (webhookKey !== undefined) {
            await deps.repos.webhookReceipts.markProcessed(webhookKey, new Date(), tx);
          }
          return { result: made.first, before: current?.model, row: current?.row, changed: false };
        }
        const row = await deps.repos.calls.saveCall(tx, {
          workspaceId: channel.workspaceId,
          channelId: channel.id,
          model: made.model,
        });
        return record(tx, current?.model, row, made);
      },
      // create it straight away, and read the stored call only when there is one
      fresh?.model
        ? async (tx) => {
            const model = fresh.model;
            if (!model) return undefined;
            const row = await deps.repos.calls.createCall(tx, {
              workspaceId: channel.workspaceId,
              channelId: channel.id,
              model,
            });
            return row ? record(tx, undefined, row, fresh) : undefined;
          }
        : undefined,
    );
    if (applied.deferred) {
      deps.logger.debug(
        { callId: event.callId, event: event.kind },
        'call event waits for its dial',
      );
      return applied;
    }
    for (const change of applied.result.transitions) {
      deps.logger.info(
        { callId: event.callId, event: event.kind, from: change.from, to: change.to },
        'call state',
      );
    }
    for (const effect of applied.result.effects) {
      if (effect.type === 'log-ignored') {
        deps.logger.info(
          {
            callId: effect.callId,
            event: effect.event,
            state: effect.state,
            reason: effect.reason,
          },
          'call event ignored',
        );
      }
    }
    return applied;
  }

  return { apply };
}

export type CallEngine = ReturnType<typeof createCallEngine>;

/**
 * Whether an event for a call not stored yet may belong to an outbound call whose dial is still
 * under way: Meta can send a business-initiated call's connect, statuses and media updates
 * before its reply to our `connect` (which names the call) has been stored.
 *
 * @example
 * awaitsItsDial({ kind: 'call.outbound-progress', progress: 'connected', … }); // true
 */
export function awaitsItsDial(event: CallEvent): boolean {
  return event.kind === 'call.outbound-progress' || event.kind === 'call.media-offer';
}

/** effects other than logging, which the engine already did */
export function actionable(effects: readonly Effect[]): Effect[] {
  return effects.filter((e) => e.type !== 'log-ignored');
}
