// a stand-in for SignalingClient: records commands, answers them as a test says, emits events
import type { CommandName, SignalingClient } from '../SignalingClient';

type Reply =
  { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

export interface FakeSignaling {
  client: Pick<SignalingClient, 'send' | 'on' | 'onConnected'>;
  sent: { event: CommandName; payload: Record<string, unknown> }[];
  /** how the next commands are answered (default: ok) */
  replies: Partial<
    Record<CommandName, Reply | ((payload: Record<string, unknown>) => Reply | Promise<Reply>)>
  >;
  emit(event: string, payload: unknown): void;
  connected(reconnected: boolean): void;
  sentOf(event: CommandName): Record<string, unknown>[];
}

export function fakeSignaling(): FakeSignaling {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const connectedListeners = new Set<(reconnected: boolean) => void>();
  const fake: FakeSignaling = {
    sent: [],
    replies: {},
    client: {
      send: (async (event: CommandName, payload: Record<string, unknown>) => {
        fake.sent.push({ event, payload });
        const reply = fake.replies[event];
        if (reply === undefined) return { ok: true };
        return typeof reply === 'function' ? reply(payload) : reply;
      }) as unknown as SignalingClient['send'],
      on: ((event: string, handler: (payload: unknown) => void) => {
        const set = handlers.get(event) ?? new Set();
        set.add(handler);
        handlers.set(event, set);
        return () => set.delete(handler);
      }) as unknown as SignalingClient['on'],
      onConnected: (listener) => {
        connectedListeners.add(listener);
        return () => connectedListeners.delete(listener);
      },
    },
    emit(event, payload) {
      for (const handler of handlers.get(event) ?? []) handler(payload);
    },
    connected(reconnected) {
      for (const listener of connectedListeners) listener(reconnected);
    },
    sentOf(event) {
      return fake.sent.filter((s) => s.event === event).map((s) => s.payload);
    },
  };
  return fake;
}
