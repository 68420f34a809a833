import { describe, expect, it } from 'vitest';
import { collapseCallbacks, type CallbackMark, type CustomerCall } from './collapse';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
let n = 0;
function call(minute: number, caller: Partial<CustomerCall> = {}): CustomerCall {
  n += 1;
  return {
    id: `c${n}`,
    channelId: 'line1',
    callerId: '447700900654',
    callerUserId: null,
    at: at(minute),
    ...caller,
  };
}
const none = new Map<string, CallbackMark>();
const done = (minute: number): CallbackMark => ({
  claimedBy: null,
  claimedAt: null,
  doneAt: at(minute),
});

describe('collapseCallbacks', () => {
  it('collapses repeats of one customer on one line into the latest miss, counting the tries', () => {
    const first = call(0);
    const second = call(5);
    expect(collapseCallbacks([second, first], [], none)).toMatchObject([
      {
        callId: second.id,
        tries: 2,
        firstMissedAt: at(0),
        lastMissedAt: at(5),
        missIds: [first.id, second.id],
      },
    ]);
  });

  it('keeps customers and lines apart, oldest waiting first', () => {
    const other = call(1, { callerId: '447700900111' });
    const otherLine = call(2, { channelId: 'line2' });
    const mine = call(0);
    expect(collapseCallbacks([other, otherLine, mine], [], none).map((c) => c.callId)).toEqual([
      mine.id,
      other.id,
      otherLine.id,
    ]);
  });

  it('closes misses before an answered call with the customer on that line, either direction', () => {
    const miss = call(0);
    const reached = call(3);
    const later = call(7);
    expect(collapseCallbacks([miss], [reached], none)).toEqual([]);
    expect(collapseCallbacks([miss, later], [reached], none)).toMatchObject([
      { callId: later.id, tries: 1 },
    ]);
    // reached on another line: still to do on this one
    expect(collapseCallbacks([miss], [call(3, { channelId: 'line2' })], none)).toHaveLength(1);
  });

  it('joins calls known by number and by BSUID once a call named both', () => {
    const byNumber = call(0, { callerId: '447700900654' });
    const byBsuid = call(2, { callerId: 'GB.123', callerUserId: 'GB.123' });
    const both = call(1, { callerId: '447700900654', callerUserId: 'GB.123' });
    expect(collapseCallbacks([byNumber, byBsuid, both], [], none)).toMatchObject([
      { callId: byBsuid.id, tries: 3 },
    ]);
  });

  it('done on the latest miss closes it and the earlier ones; a new miss opens again', () => {
    const first = call(0);
    const second = call(5);
    const marks = new Map([[second.id, done(6)]]);
    expect(collapseCallbacks([first, second], [], marks)).toEqual([]);
    const third = call(9);
    expect(collapseCallbacks([first, second, third], [], marks)).toMatchObject([
      { callId: third.id, tries: 1 },
    ]);
  });

  it('carries the newest claim among the open misses', () => {
    const first = call(0);
    const second = call(5);
    const marks = new Map<string, CallbackMark>([
      [first.id, { claimedBy: 'asha', claimedAt: at(1), doneAt: null }],
    ]);
    expect(collapseCallbacks([first, second], [], marks)).toMatchObject([
      { callId: second.id, claimedBy: 'asha', claimedAt: at(1) },
    ]);
  });
});
