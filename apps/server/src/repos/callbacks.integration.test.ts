import { describe, expect, it } from 'vitest';
import { storePastCall } from '../testing/seed-calls';
import { useStack } from '../testing/test-stack';
import { CALLBACK_WINDOW_MS } from './callbacks';

const stack = useStack();
const HOUR = 3_600_000;

describe('the callback worklist over stored calls', () => {
  it('leaves out misses older than the window and counts only the tries since the customer was reached', async () => {
    const ws = await stack().workspace('Acme');
    const { app } = stack();
    const now = Date.now();
    // long ago: out of the window, neither listed nor counted
    await storePastCall(app, ws, { at: now - CALLBACK_WINDOW_MS - HOUR, from: '447700900001' });
    await storePastCall(app, ws, { at: now - CALLBACK_WINDOW_MS - HOUR, from: '447700900002' });
    // reached in between: the miss before it is done, the two after it wait
    await storePastCall(app, ws, { at: now - 5 * HOUR, from: '447700900002' });
    await storePastCall(app, ws, { at: now - 4 * HOUR, from: '447700900002', talkedSec: 60 });
    await storePastCall(app, ws, { at: now - 3 * HOUR, from: '447700900002' });
    const latest = await storePastCall(app, ws, { at: now - 2 * HOUR, from: '447700900002' });
    // a declined or failed call is not a miss
    await storePastCall(app, ws, { at: now - HOUR, from: '447700900003', outcome: 'failed' });

    const items = await app.repos.callbacks.list(ws.id, undefined, new Date(now));
    expect(items).toEqual([
      expect.objectContaining({
        callId: latest,
        callerId: '447700900002',
        tries: 2,
        firstMissedAt: new Date(now - 3 * HOUR),
      }),
    ]);
    expect(await app.repos.callbacks.waiting(ws.id, new Date(now))).toEqual({
      count: 1,
      oldestSince: new Date(now - 3 * HOUR),
    });
    // an agent who answers no line has nothing to do
    expect(await app.repos.callbacks.list(ws.id, [], new Date(now))).toEqual([]);
  });
});
