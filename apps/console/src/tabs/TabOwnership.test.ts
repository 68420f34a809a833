import { describe, expect, it } from 'vitest';
import {
  TabOwnership,
  type LockManagerLike,
  type TabChannel,
  type TabMessage,
} from './TabOwnership';

type Callback = (lock: Lock | null) => unknown;
interface Holder {
  reject: (error: unknown) => void;
}
interface Waiter {
  callback: Callback;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** the Web Locks semantics ownership relies on: one holder, a queue, ifAvailable, steal, abort */
class FakeLocks implements LockManagerLike {
  holder: Holder | undefined;
  queue: Waiter[] = [];

  request(name: string, options: LockOptions, callback: Callback): Promise<unknown>;
  request(name: string, callback: Callback): Promise<unknown>;
  request(_name: string, a: LockOptions | Callback, b?: Callback): Promise<unknown> {
    const options = typeof a === 'function' ? {} : a;
    const callback = (typeof a === 'function' ? a : b) as Callback;
    return new Promise((resolve, reject) => {
      const waiter = { callback, resolve, reject };
      if (options.steal) {
        this.holder?.reject(new DOMException('stolen', 'AbortError'));
        this.holder = undefined;
        this.#grant(waiter);
      } else if (!this.holder) {
        this.#grant(waiter);
      } else if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve, reject);
      } else {
        this.queue.push(waiter);
        options.signal?.addEventListener('abort', () => {
          this.queue = this.queue.filter((w) => w !== waiter);
          reject(new DOMException('aborted', 'AbortError'));
        });
      }
    });
  }

  #grant(waiter: Waiter): void {
    const holder: Holder = { reject: waiter.reject };
    this.holder = holder;
    Promise.resolve(waiter.callback({ name: 'x', mode: 'exclusive' } as Lock)).then((value) => {
      if (this.holder !== holder) return;
      this.holder = undefined;
      waiter.resolve(value);
      const next = this.queue.shift();
      if (next) this.#grant(next);
    });
  }
}

/** a BroadcastChannel pair: what one tab posts, the other hears */
function channels(): [TabChannel, TabChannel] {
  const listeners: ((event: MessageEvent<TabMessage>) => void)[][] = [[], []];
  const make = (self: number): TabChannel => ({
    postMessage: (message) => {
      for (const listener of listeners[1 - self] ?? [])
        listener({ data: message } as MessageEvent<TabMessage>);
    },
    addEventListener: (_type, listener) => listeners[self]?.push(listener),
    close: () => undefined,
  });
  return [make(0), make(1)];
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function tab(locks: LockManagerLike | undefined, channel?: TabChannel) {
  const roles: { role: string; otherInCall: boolean }[] = [];
  const ownership = new TabOwnership({
    name: 'ringside:calls:u1',
    locks,
    ...(channel ? { channel } : {}),
    onChange: (role, otherInCall) => roles.push({ role, otherInCall }),
  });
  return { ownership, roles, last: () => roles.at(-1) };
}

describe('TabOwnership', () => {
  it('lets the first tab own calls and the second wait', async () => {
    const locks = new FakeLocks();
    const first = tab(locks);
    const second = tab(locks);
    first.ownership.start();
    await tick();
    second.ownership.start();
    await tick();
    expect(first.last()?.role).toBe('owner');
    expect(second.last()?.role).toBe('other-tab');
  });

  it('hands calls to the waiting tab when the owner closes', async () => {
    const locks = new FakeLocks();
    const first = tab(locks);
    const second = tab(locks);
    first.ownership.start();
    await tick();
    second.ownership.start();
    await tick();
    first.ownership.stop();
    await tick();
    expect(second.last()?.role).toBe('owner');
  });

  it('takes over at once, and the old owner steps back and waits', async () => {
    const locks = new FakeLocks();
    const first = tab(locks);
    const second = tab(locks);
    first.ownership.start();
    await tick();
    second.ownership.start();
    await tick();
    second.ownership.takeOver();
    await tick();
    expect(second.last()?.role).toBe('owner');
    expect(first.last()?.role).toBe('other-tab');
    // and the old owner gets calls back when the new one closes
    second.ownership.stop();
    await tick();
    expect(first.last()?.role).toBe('owner');
  });

  it('tells the other tab whether the owner is in a call', async () => {
    const locks = new FakeLocks();
    const [a, b] = channels();
    const first = tab(locks, a);
    const second = tab(locks, b);
    first.ownership.start();
    await tick();
    second.ownership.start();
    await tick();
    first.ownership.announceInCall(true);
    expect(second.last()).toEqual({ role: 'other-tab', otherInCall: true });
    first.ownership.announceInCall(false);
    expect(second.last()).toEqual({ role: 'other-tab', otherInCall: false });
  });

  it('owns at once in a browser without Web Locks', () => {
    const only = tab(undefined);
    only.ownership.start();
    expect(only.last()?.role).toBe('owner');
  });
});
