import type {
  AgentRef,
  CallTransferOfferedPayload,
  CallTransferProgressPayload,
  CallTransferTargetsAck,
  TransferQueue,
} from '@ringside/contracts';
import { validateLocalAnswer } from '@ringside/sdp';
import type { Actor } from '../calls/actor';
import type { CallService } from '../calls/call-service';
import { toCallView } from '../calls/call-views';
import { CommandError } from '../calls/command-error';
import { loadCall } from '../calls/load-call';
import type { Logger } from '../ops/logger';
import { onEngine } from './engine-refusal';
import type { TransferNotices } from './transfer-notices';
import { resolveTransferTarget, transferTargets } from './transfer-targets';
import type { Repos } from '../repos';
import type { ChannelRecord } from '../repos/channel-rows';

/** how long a colleague's console rings with a transfer before it comes back to the agent */
export const TRANSFER_RING_MS = 30_000;

/** one transfer under way, by the call's id */
interface Transfer {
  readonly callId: string;
  readonly metaCallId: string;
  readonly workspaceId: string;
  readonly channel: ChannelRecord;
  readonly mode: 'cold' | 'warm';
  readonly from: AgentRef;
  /** sent to a line's queue rather than to one colleague */
  readonly queue?: TransferQueue;
  /** who is offered it while it rings: the colleague, or the queue's available agents */
  readonly offered: Map<string, AgentRef>;
  /** who took it: the colleague (from the start), or the queue's agent who accepted first */
  to?: AgentRef;
  /** ringing: offered; consulting: the one who took it is on the line with the agent */
  stage: 'ringing' | 'consulting';
  /** what the offered consoles were sent (sent again to one that reconnects) */
  offer?: CallTransferOfferedPayload;
  timer?: NodeJS.Timeout;
}

/**
 * Transfers of anchored calls, to a colleague or to a line's queue (docs/anchor.md, transfers). The customer's leg
 * never moves: it stays in the call's room on the media engine. Starting a transfer puts the
 * customer on hold (music; the agent's leg parked in the call's side room) and rings the
 * colleague's console. Cold: once they accept, the call is theirs (`agent.transfer` in the call
 * model), the agent's leg goes, and their console joins with a fresh leg as it does after a
 * reload; the music stops when it does. Warm: accepting gives them a leg in the side room first,
 * where they and the agent talk; the agent then completes (as cold) or cancels. A decline, no
 * answer in {@link TRANSFER_RING_MS}, a cancel or a failure brings the agent back to the
 * customer. Sent to a queue, every available agent of the line is offered it at once, the first
 * to accept takes it and the others' offers are withdrawn; it comes back when all declined. A direct call cannot be transferred: its audio runs in the agent's browser.
 *
 * Steps on one call run one at a time, so a decline racing a cancel, or an accept racing the
 * ring's end, each find the transfer as the other left it.
 *
 * @example
 * const transfers = createTransfers({ repos, calls, notices, logger, clock });
 * await transfers.start(alice, callId, { toUserId: bob.id }, 'cold');
 * await transfers.accept(bob, callId); // the call is Bob's; his console rejoins it
 */
export function createTransfers(deps: {
  repos: Pick<Repos, 'calls' | 'channels' | 'presence' | 'users'>;
  calls: Pick<CallService, 'feed' | 'anchor'>;
  notices: TransferNotices;
  logger: Logger;
  clock: () => Date;
  /** {@link TRANSFER_RING_MS} unless given */
  ringMs?: number;
}) {
  const transfers = new Map<string, Transfer>();
  /** the last step queued on each call */
  const steps = new Map<string, Promise<unknown>>();

  /** runs `step` after every earlier step on the same call */
  function serial<T>(callId: string, step: () => Promise<T>): Promise<T> {
    const before = steps.get(callId) ?? Promise.resolve();
    const run = before.then(step, step);
    const settled = run.catch(() => undefined);
    steps.set(callId, settled);
    void settled.then(() => {
      if (steps.get(callId) === settled) steps.delete(callId);
    });
    return run;
  }

  function anchor() {
    const media = deps.calls.anchor;
    if (!media) throw directCall();
    return media;
  }

  const load = (actor: Actor, callId: string) => loadCall(deps.repos, actor, callId);

  /** the actor's own call in progress, anchored on this server */
  async function ownAnchoredCall(actor: Actor, callId: string) {
    const loaded = await load(actor, callId);
    const { row } = loaded;
    if (row.model.state !== 'active') {
      throw new CommandError('invalid_state', 'Only a call in progress can be transferred.');
    }
    if (row.agentId !== actor.userId)
      throw new CommandError('forbidden', 'This call is not yours.');
    if (!(await anchor().engineOf(row.metaCallId))) throw directCall();
    return loaded;
  }

  /** the transfer offered to (or taken by) the actor */
  function offeredTo(actor: Actor, callId: string): Transfer {
    const transfer = transfers.get(callId);
    const theirs = transfer?.to
      ? transfer.to.userId === actor.userId
      : transfer?.offered.has(actor.userId) === true;
    if (!transfer || !theirs || transfer.workspaceId !== actor.workspaceId) {
      throw new CommandError('invalid_state', 'This call is no longer being transferred to you.');
    }
    return transfer;
  }

  /** the transfer the actor started */
  function startedBy(actor: Actor, callId: string): Transfer {
    const transfer = transfers.get(callId);
    if (
      !transfer ||
      transfer.from.userId !== actor.userId ||
      transfer.workspaceId !== actor.workspaceId
    ) {
      throw new CommandError('invalid_state', 'This call is not being transferred.');
    }
    return transfer;
  }

  /**
   * The transfer is off and the call stays with its agent: the colleague's offer or consult
   * ends, the agent is back with the customer, and told why.
   */
  async function callOff(
    transfer: Transfer,
    state: 'declined' | 'no-answer' | 'cancelled' | 'failed',
    reason?: string,
  ): Promise<void> {
    transfers.delete(transfer.callId);
    clearTimeout(transfer.timer);
    withdraw(transfer);
    try {
      await anchor().unhold(transfer.metaCallId);
    } catch (error) {
      deps.logger.error(
        { err: error, callId: transfer.callId },
        'could not bring the agent back to the customer after a transfer',
      );
    }
    progress(transfer, state, reason);
  }

  /** the offers still standing go: the one who took it, or everyone it rang for */
  function withdraw(transfer: Transfer): void {
    const to = transfer.to ? [transfer.to.userId] : [...transfer.offered.keys()];
    for (const userId of to) deps.notices.transferWithdrawn(userId, { callId: transfer.callId });
  }

  /** tells the agent handing the call over where it stands */
  function progress(
    transfer: Transfer,
    state: CallTransferProgressPayload['state'],
    reason?: string,
  ): void {
    deps.notices.transferProgress(transfer.from.userId, {
      callId: transfer.callId,
      ...(transfer.to ? { to: transfer.to } : {}),
      ...(transfer.queue ? { queue: transfer.queue } : {}),
      state,
      ...(reason === undefined ? {} : { reason }),
    });
  }

  /** the call is the colleague's: the old agent's leg goes, the model hands it over */
  async function handOver(transfer: Transfer, to: AgentRef): Promise<void> {
    transfers.delete(transfer.callId);
    clearTimeout(transfer.timer);
    const { channel } = transfer;
    const hangUp = async () => {
      const now = deps.clock().getTime();
      await deps.calls.feed(channel, {
        kind: 'agent.hangup',
        callId: transfer.metaCallId,
        agentId: to.userId,
        occurredAt: now,
      });
    };
    await onEngine(() => anchor().handOver(transfer.metaCallId, hangUp));
    const applied = await deps.calls.feed(channel, {
      kind: 'agent.transfer',
      callId: transfer.metaCallId,
      agentId: transfer.from.userId,
      toAgentId: to.userId,
      occurredAt: deps.clock().getTime(),
    });
    if (!applied.changed) {
      throw new CommandError('invalid_state', 'This call has already ended.');
    }
  }

  return {
    /**
     * What a console that (re)connects should be shown of the transfers under way: the offers
     * still ringing for this user, and where their own call's transfer stands.
     */
    standingFor(
      workspaceId: string,
      userId: string,
    ): { offers: CallTransferOfferedPayload[]; progress: CallTransferProgressPayload[] } {
      const here = [...transfers.values()].filter((t) => t.workspaceId === workspaceId);
      return {
        offers: here.flatMap((t) => {
          const forThem = t.to ? t.to.userId === userId : t.offered.has(userId);
          return t.stage === 'ringing' && forThem && t.offer ? [t.offer] : [];
        }),
        progress: here
          .filter((t) => t.from.userId === userId)
          .map((t) => ({
            callId: t.callId,
            ...(t.to ? { to: t.to } : {}),
            ...(t.queue ? { queue: t.queue } : {}),
            state: t.stage,
          })),
      };
    },

    /**
     * where the actor's call can go now: available colleagues of its line (not them), and the
     * workspace's lines with how many of their agents are available (for a transfer to a queue)
     */
    async targets(actor: Actor, callId: string): Promise<CallTransferTargetsAck> {
      const { row } = await ownAnchoredCall(actor, callId);
      return transferTargets(deps.repos, actor, row.channelId);
    },

    /** the customer on hold, the colleague's console (or the queue's agents' consoles) rung */
    start(
      actor: Actor,
      callId: string,
      target: { toUserId?: string; toChannelId?: string },
      mode: 'cold' | 'warm',
    ): Promise<void> {
      return serial(callId, async () => {
        const { row, channel } = await ownAnchoredCall(actor, callId);
        if (transfers.has(callId)) {
          throw new CommandError('invalid_state', 'This call is already being transferred.');
        }
        const { offered, queue } = await resolveTransferTarget(deps.repos, actor, target);
        const transfer: Transfer = {
          callId,
          metaCallId: row.metaCallId,
          workspaceId: actor.workspaceId,
          channel,
          mode,
          from: { userId: actor.userId, name: actor.name },
          ...(queue ? { queue } : { to: [...offered.values()][0] }),
          offered,
          stage: 'ringing',
        };
        await onEngine(() => anchor().hold(row.metaCallId));
        transfers.set(callId, transfer);
        transfer.timer = setTimeout(() => {
          void serial(callId, async () => {
            if (transfers.get(callId) === transfer && transfer.stage === 'ringing') {
              await callOff(transfer, 'no-answer');
            }
          });
        }, deps.ringMs ?? TRANSFER_RING_MS);
        transfer.timer.unref();
        // the call's end (either side hangs up, the engine dies) ends the transfer with it
        void anchor()
          .whenClosed(row.metaCallId)
          .then(() => {
            if (transfers.get(callId) !== transfer) return;
            transfers.delete(callId);
            clearTimeout(transfer.timer);
            withdraw(transfer);
          });
        transfer.offer = {
          callId,
          mode,
          from: transfer.from,
          call: toCallView(row, actor.name),
          ...(queue ? { queue } : {}),
        };
        for (const userId of offered.keys()) deps.notices.transferOffered(userId, transfer.offer);
        progress(transfer, 'ringing');
      });
    },

    /** the agent takes the call back before it is handed over */
    cancel(actor: Actor, callId: string): Promise<void> {
      return serial(callId, async () => {
        await callOff(startedBy(actor, callId), 'cancelled');
      });
    },

    /** a warm transfer, after the consult: the call is the colleague's */
    complete(actor: Actor, callId: string): Promise<void> {
      return serial(callId, async () => {
        const transfer = startedBy(actor, callId);
        if (transfer.stage !== 'consulting' || !transfer.to) {
          throw new CommandError(
            'invalid_state',
            'Your colleague has not joined yet: wait for them, or cancel the transfer.',
          );
        }
        await handOver(transfer, transfer.to);
      });
    },

    /**
     * The colleague takes it (from a queue: the first who accepts; the others' offers go):
     * cold, the call is theirs now; warm, the engine's offer of their consult leg comes back
     * (the agent is told once their answer joins them)
     */
    accept(actor: Actor, callId: string): Promise<{ sdp?: string }> {
      return serial(callId, async () => {
        const transfer = offeredTo(actor, callId);
        const me = transfer.offered.get(actor.userId);
        if (!me || transfer.stage !== 'ringing' || (transfer.queue && transfer.to)) {
          throw new CommandError('invalid_state', 'You already took this transfer.');
        }
        const presence = await deps.repos.presence.getPresence(actor.workspaceId, actor.userId);
        if (presence?.status !== 'available') {
          throw new CommandError('invalid_state', 'Finish your own call before taking another.');
        }
        // from a queue, the others it rang for stop ringing
        for (const userId of transfer.offered.keys()) {
          if (userId !== me.userId) deps.notices.transferWithdrawn(userId, { callId });
        }
        transfer.to = me;
        try {
          if (transfer.mode === 'cold') {
            await handOver(transfer, me);
            return {};
          }
          const sdp = await onEngine(() => anchor().openConsult(transfer.metaCallId, actor.userId));
          clearTimeout(transfer.timer);
          return { sdp };
        } catch (error) {
          await callOff(transfer, 'failed', 'The media server could not connect your colleague.');
          throw error;
        }
      });
    },

    /** the colleague's answer to their consult leg: they and the agent hear each other */
    answer(actor: Actor, callId: string, sdp: string): Promise<void> {
      return serial(callId, async () => {
        const transfer = offeredTo(actor, callId);
        if (transfer.to?.userId !== actor.userId) {
          throw new CommandError('invalid_state', 'Accept the transfer first, then answer.');
        }
        const checked = validateLocalAnswer(sdp);
        if (!checked.ok) throw new CommandError('invalid_payload', checked.error.message);
        await onEngine(() =>
          anchor().consultAnswered(transfer.metaCallId, actor.userId, checked.summary.sdp),
        );
        transfer.stage = 'consulting';
        progress(transfer, 'consulting');
      });
    },

    /**
     * The colleague turns it down, or leaves the consult. From a queue, it comes back to the
     * agent once every agent it rang for declined.
     */
    decline(actor: Actor, callId: string): Promise<void> {
      return serial(callId, async () => {
        const transfer = offeredTo(actor, callId);
        transfer.offered.delete(actor.userId);
        if (transfer.to?.userId === actor.userId || transfer.offered.size === 0) {
          await callOff(transfer, 'declined');
        }
      });
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;

function directCall(): CommandError {
  return new CommandError(
    'invalid_state',
    'This call’s audio runs straight between you and the customer, so it cannot be transferred: set its line’s call audio to the media server (Admin → Channels).',
  );
}
