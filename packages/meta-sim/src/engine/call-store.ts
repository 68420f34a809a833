import type { SimEvent } from './events';
import { canMove, type CallPhase, type CallState, type SimCall } from './sim-call';

type Waiter = { callId: string; check: () => void };

/**
 * Holds the simulator's calls. `move` is the one place a call changes state: it ignores
 * out-of-order moves (logged), records the state, reports it, then wakes `waitFor` callers.
 *
 * @example
 * const store = new CallStore(emit);
 * store.add(call);
 * await store.waitFor(call.id, 'accepted', 5_000);
 */
export class CallStore {
  readonly #calls = new Map<string, SimCall>();
  readonly #waiters = new Set<Waiter>();
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #emit: (event: SimEvent) => void;

  constructor(emit: (event: SimEvent) => void) {
    this.#emit = emit;
  }

  add(call: SimCall): void {
    this.#calls.set(call.id, call);
    this.#emit({
      type: 'call.state',
      callId: call.id,
      channel: call.channel,
      direction: call.direction,
      state: call.phase.state,
    });
  }

  get(id: string): SimCall | undefined {
    return this.#calls.get(id);
  }

  all(): SimCall[] {
    return [...this.#calls.values()];
  }

  /** moves `call` to `next`; false (and nothing changes) when Meta would not allow the move */
  move(call: SimCall, next: CallPhase): boolean {
    const from = call.phase.state;
    if (!canMove(from, next.state)) {
      this.#emit({
        type: 'warning',
        message: `call ${call.id}: ignored move ${from} -> ${next.state}`,
      });
      return false;
    }
    call.phase = next;
    call.history.push(next.state);
    this.#emit({
      type: 'call.state',
      callId: call.id,
      channel: call.channel,
      direction: call.direction,
      state: next.state,
      ...(next.state === 'ended' ? { reason: next.reason } : {}),
    });
    for (const waiter of [...this.#waiters]) if (waiter.callId === call.id) waiter.check();
    return true;
  }

  /**
   * Runs `task` after every earlier task of the same call has settled, so that Graph actions,
   * timers and the caller's own moves never interleave on one call.
   */
  serial<T>(callId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(callId) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    this.#locks.set(callId, tail);
    void tail.then(() => {
      if (this.#locks.get(callId) === tail) this.#locks.delete(callId);
    });
    return run;
  }

  /**
   * Resolves once the call has reached `state` (now or earlier). Rejects with a message that
   * says where the call is when it ends without reaching it or `timeoutMs` passes.
   */
  waitFor(callId: string, state: CallState, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        callId,
        check: () => {
          const call = this.#calls.get(callId);
          if (!call) return finish(new Error(`no call ${callId} in the simulator`));
          if (call.history.includes(state)) return finish();
          if (call.phase.state === 'ended') {
            return finish(
              new Error(
                `call ${callId} ended (${call.phase.reason}) without reaching "${state}"; ` +
                  `it went ${call.history.join(' -> ')}`,
              ),
            );
          }
        },
      };
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        const now = this.#calls.get(callId)?.phase.state ?? 'unknown';
        finish(
          new Error(
            `call ${callId} did not reach "${state}" within ${timeoutMs} ms (it is ${now})`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
      waiter.check();
    });
  }
}
