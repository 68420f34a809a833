import { metaWebhookSchema } from '@ringside/contracts';
import type { TestReceiver } from '../webhooks/test-receiver';

// test support for the full flows: read what arrived at the business's webhook receiver

/** every call event received so far, with its webhook's body kind, in arrival order */
export function receivedCalls(receiver: TestReceiver): Array<Record<string, unknown>> {
  return receiver.received.flatMap((hit): Array<Record<string, unknown>> => {
    const body = metaWebhookSchema.parse(hit.json);
    if (body.object === 'page') return body.entry.flatMap((e) => e.calls ?? []);
    return body.entry.flatMap((e) => e.changes.flatMap((c) => c.value.calls ?? []));
  });
}

/** waits until a call event matching `event` has arrived, and returns it */
export async function waitForCallEvent(
  receiver: TestReceiver,
  event: string,
  timeoutMs = 10_000,
): Promise<Record<string, unknown>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = receivedCalls(receiver).find((c) => c.event === event);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no "${event}" webhook within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** polls `read` until `accept` holds or the time is up; returns the last value */
export async function eventually<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
