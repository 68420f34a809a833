import type {
  AgentView,
  BoardCounters,
  BoardSnapshotPayload,
  CallEndedPayload,
  CallView,
} from '@ringside/contracts';
import type { CallLogApi } from '../../api/call-log-api';
import type { ApiResult } from '../../api/http';
import type { SupervisorApi } from '../../api/supervisor-api';
import { silentLogger, type Logger } from '../../log';
import type { SignalingClient } from '../../signaling/SignalingClient';
import { createBoardStore, type BoardStore } from '../../state/board-store';
import { todayFigures, utcDayStart } from '../../state/today-figures';
import type { ConnectionState } from '../../state/types';

type BoardEvent =
  | { kind: 'snapshot'; payload: BoardSnapshotPayload }
  | { kind: 'call'; payload: CallView }
  | { kind: 'ended'; payload: CallEndedPayload }
  | { kind: 'agent'; payload: AgentView }
  | { kind: 'counters'; payload: BoardCounters };

export interface BoardFeedOptions {
  signaling: Pick<SignalingClient, 'on' | 'onState' | 'state'>;
  supervisor: Pick<SupervisorApi, 'board' | 'endCall' | 'setAway'>;
  callLog: Pick<CallLogApi, 'since'>;
  store?: BoardStore;
  now?: () => number;
  /** after a call ends, the counters are re-read this much later (endings close together share one read) */
  refreshDelayMs?: number;
  /** without a live connection (another tab holds it, or it dropped) the board is re-read this often */
  pollMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  log?: Logger;
}

/**
 * Keeps a supervisor's board current: a snapshot over REST when the page opens, then the
 * socket's `call:updated`, `call:ended` and `agent:updated`; a `board:snapshot` after a
 * reconnect replaces everything. Events that arrive while a snapshot is being fetched are applied
 * after it, so the older snapshot cannot undo them. The server's counters come with snapshots and
 * as `board:counters` between them; after a call ends the board is also re-read. Without a live
 * socket it re-reads on a timer.
 *
 * @example
 * const feed = new BoardFeed({ signaling: services.signaling, supervisor, callLog });
 * feed.start();
 * feed.store.getState().calls; // ringing and active calls
 * feed.stop();
 */
export class BoardFeed {
  readonly store: BoardStore;
  readonly #options: BoardFeedOptions;
  readonly #now: () => number;
  readonly #setTimer: (run: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  readonly #log: Logger;
  #running = false;
  #unsubscribe: (() => void)[] = [];
  #buffer: BoardEvent[] | null = null;
  #syncing: Promise<void> | null = null;
  #syncAgain = false;
  #refreshTimer: unknown = undefined;
  #pollTimer: unknown = undefined;
  #live = false;
  #countedAnswers: string | null = null;

  constructor(options: BoardFeedOptions) {
    this.#options = options;
    this.store = options.store ?? createBoardStore();
    this.#now = options.now ?? Date.now;
    this.#setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.#clearTimer =
      options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.#log = options.log ?? silentLogger;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    const { signaling } = this.#options;
    this.#unsubscribe = [
      signaling.on('board:snapshot', (payload) => this.#receive({ kind: 'snapshot', payload })),
      signaling.on('call:updated', (payload) => this.#receive({ kind: 'call', payload })),
      signaling.on('call:ended', (payload) => {
        this.#receive({ kind: 'ended', payload });
        this.#refreshSoon();
      }),
      signaling.on('agent:updated', (payload) => this.#receive({ kind: 'agent', payload })),
      // the server's figures between snapshots (a call rang, was answered, a callback was done)
      signaling.on('board:counters', (payload) => this.#receive({ kind: 'counters', payload })),
      signaling.onState((state) => this.#connectionChanged(state)),
    ];
    this.#connectionChanged(signaling.state);
    void this.resync();
  }

  stop(): void {
    this.#running = false;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#cancel('refresh');
    this.#cancel('poll');
    this.#buffer = null;
  }

  /** reads the board (and, when the counters moved, today's call log) again */
  resync(): Promise<void> {
    if (this.#syncing) {
      this.#syncAgain = true;
      return this.#syncing;
    }
    this.#syncing = this.#sync().finally(() => {
      this.#syncing = null;
      if (this.#syncAgain && this.#running) {
        this.#syncAgain = false;
        void this.resync();
      }
    });
    return this.#syncing;
  }

  /** ends a call at Meta; the board drops it at once */
  async endCall(callId: string): Promise<ApiResult<CallView>> {
    const ended = await this.#options.supervisor.endCall(callId);
    if (ended.ok) {
      this.store.getState().callChanged(ended.data);
      this.#refreshSoon();
    }
    return ended;
  }

  /** sets an agent Away; the board shows it at once */
  async setAway(userId: string): Promise<ApiResult<AgentView>> {
    const set = await this.#options.supervisor.setAway(userId);
    if (set.ok) this.store.getState().agentChanged(set.data);
    return set;
  }

  async #sync(): Promise<void> {
    this.#buffer = [];
    const board = await this.#options.supervisor.board();
    const buffered = this.#buffer ?? [];
    this.#buffer = null;
    if (!this.#running) return;
    const state = this.store.getState();
    if (board.ok) state.snapshotReceived(board.data, this.#now());
    else {
      this.#log.warn('the board could not be read', { message: board.error.message });
      state.failed(board.error.message);
    }
    for (const event of buffered) this.#apply(event);
    if (board.ok) await this.#countToday(board.data.counters);
  }

  /** today's per-agent and average figures, read again only when the server's totals moved */
  async #countToday(counters: BoardCounters): Promise<void> {
    const key = `${counters.answered}/${counters.missed}`;
    if (key === this.#countedAnswers) return;
    const calls = await this.#options.callLog.since(utcDayStart(new Date(this.#now())));
    if (!this.#running) return;
    if (!calls.ok) {
      this.#log.warn('today’s call log could not be read', { message: calls.error.message });
      return;
    }
    this.#countedAnswers = key;
    this.store.getState().todayComputed(todayFigures(calls.data.items, calls.data.complete));
  }

  #receive(event: BoardEvent): void {
    if (this.#buffer) this.#buffer.push(event);
    else this.#apply(event);
  }

  #apply(event: BoardEvent): void {
    const state = this.store.getState();
    switch (event.kind) {
      case 'snapshot':
        state.snapshotReceived(event.payload, this.#now());
        void this.#countToday(event.payload.counters);
        return;
      case 'call':
        state.callChanged(event.payload);
        return;
      case 'ended':
        state.callEnded(event.payload);
        return;
      case 'agent':
        state.agentChanged(event.payload);
        return;
      case 'counters':
        state.countersReceived(event.payload);
        void this.#countToday(event.payload);
        return;
    }
  }

  #refreshSoon(): void {
    if (!this.#running || this.#refreshTimer !== undefined) return;
    this.#refreshTimer = this.#setTimer(() => {
      this.#refreshTimer = undefined;
      void this.resync();
    }, this.#options.refreshDelayMs ?? 300);
  }

  #connectionChanged(state: ConnectionState): void {
    if (!this.#running) return;
    this.#live = state === 'connected';
    if (this.#live) this.#cancel('poll');
    else this.#pollLater();
  }

  #pollLater(): void {
    if (this.#pollTimer !== undefined) return;
    this.#pollTimer = this.#setTimer(() => {
      this.#pollTimer = undefined;
      if (!this.#running || this.#live) return;
      void this.resync().finally(() => {
        if (this.#running && !this.#live) this.#pollLater();
      });
    }, this.#options.pollMs ?? 5_000);
  }

  #cancel(which: 'refresh' | 'poll'): void {
    const handle = which === 'refresh' ? this.#refreshTimer : this.#pollTimer;
    if (handle !== undefined) this.#clearTimer(handle);
    if (which === 'refresh') this.#refreshTimer = undefined;
    else this.#pollTimer = undefined;
  }
}
