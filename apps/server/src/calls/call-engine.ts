import {
  transition,
  type Call,
  type CallEvent,
  type Effect,
  type TransitionResult,
} from '@ringside/calls';
import type { Logger } from '../ops/logger';
import { enqueueCallEvents } from '../outbox/enqueue-events';
import type { ChannelRecord } from '../repos/channel-rows';
import type { CallRow } from '../repos/calls';
import type { Repos } from '../repos';
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
}

/**
 * The one place a stored call changes: under the call's lock, apply the pure transition, save the
 * new model with its timeline entry, all in one transaction. Effects are returned, not performed:
 * the caller performs them after the commit, so nothing is sent to Meta or to consoles for a
 * change that did not persist.
 *
 * @example
 * const { result, row } = await engine.apply(channel, { kind: 'agent.claim', callId, agentId, occurredAt: now });
 */
export function createCallEngine(deps: { repos: Repos; logger: Logger }) {
  async function apply(channel: ChannelRecord, event: CallEvent): Promise<Applied> {
    const applied = await deps.repos.calls.withCallLock(event.callId, async (current, tx) => {
      const result = transition(current?.model, event);
      if (result.call === undefined || result.call === current?.model) {
        return { result, before: current?.model, row: current?.row, changed: false };
      }
      const row = await deps.repos.calls.saveCall(tx, {
        workspaceId: channel.workspaceId,
        channelId: channel.id,
        model: result.call,
      });
      await deps.repos.calls.appendCallEvent(tx, {
        callId: row.id,
        workspaceId: channel.workspaceId,
        ...timelineEntry(event, result),
      });
      await enqueueCallEvents(deps.repos, tx, { channel, event, before: current?.model, row });
      return { result, before: current?.model, row, changed: true };
    });
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

/** effects other than logging, which the engine already did */
export function actionable(effects: readonly Effect[]): Effect[] {
  return effects.filter((e) => e.type !== 'log-ignored');
}
