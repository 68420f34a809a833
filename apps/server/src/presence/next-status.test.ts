import type { AgentStatus } from '@ringside/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsCallFact, nextStatus, type PresenceReason } from './next-status';

const statuses: (AgentStatus | undefined)[] = [
  'available',
  'away',
  'busy',
  'wrap-up',
  'offline',
  undefined,
];
const status = fc.constantFrom(...statuses);
const reason = fc.oneof(
  fc.record({ kind: fc.constant('chose' as const), status: fc.constantFrom('available', 'away') }),
  fc.constant({ kind: 'back-online' as const }),
  fc.constant({ kind: 'call-started' as const }),
  fc.record({
    kind: fc.constant('call-over' as const),
    back: fc.constantFrom('available', 'away'),
    wrapUp: fc.boolean(),
  }),
  fc.constant({ kind: 'wrap-up-over' as const }),
  fc.constant({ kind: 'sent-away' as const }),
) as fc.Arbitrary<PresenceReason>;
const facts = fc.record({ onCall: fc.boolean() });
const statusOf = (d: ReturnType<typeof nextStatus>) => ('status' in d ? d.status : undefined);

describe('an agent’s next status', () => {
  it('asking for Available while on a call keeps the agent busy, however they got there', () => {
    expect(nextStatus('busy', { kind: 'chose', status: 'available' }, { onCall: false })).toEqual({
      status: 'busy',
    });
    // a console back from a dropped connection: presence says away, the call says busy
    expect(nextStatus('away', { kind: 'chose', status: 'available' }, { onCall: true })).toEqual({
      status: 'busy',
    });
    expect(nextStatus('away', { kind: 'chose', status: 'available' }, { onCall: false })).toEqual({
      status: 'available',
    });
  });

  it('a call’s end returns a busy agent to where they were, and leaves any other status', () => {
    expect(
      nextStatus('busy', { kind: 'call-over', back: 'away', wrapUp: false }, { onCall: false }),
    ).toEqual({ status: 'away' });
    // they chose Away during the call: its end does not make them available again
    expect(
      nextStatus('away', { kind: 'call-over', back: 'available', wrapUp: true }, { onCall: false }),
    ).toEqual({ status: 'away' });
  });

  it('a call on a channel with after-call work ends in wrap-up, which only its end or a choice leaves', () => {
    const over = { kind: 'call-over', back: 'available', wrapUp: true } as const;
    expect(nextStatus('busy', over, { onCall: false })).toEqual({ status: 'wrap-up' });
    // an agent who dialed out while away goes back to away: they take no calls anyway
    expect(nextStatus('busy', { ...over, back: 'away' }, { onCall: false })).toEqual({
      status: 'away',
    });
    expect(nextStatus('wrap-up', { kind: 'wrap-up-over' }, { onCall: false })).toEqual({
      status: 'available',
    });
    // the agent chose Away meanwhile: the end of wrap-up time does not make them available
    expect(nextStatus('away', { kind: 'wrap-up-over' }, { onCall: false })).toEqual({
      status: 'away',
    });
    expect(
      nextStatus('wrap-up', { kind: 'chose', status: 'available' }, { onCall: false }),
    ).toEqual({ status: 'available' });
    expect(nextStatus('wrap-up', { kind: 'back-online' }, { onCall: false })).toEqual({
      status: 'wrap-up',
    });
    expect(nextStatus('wrap-up', { kind: 'sent-away' }, { onCall: false })).toEqual({
      status: 'away',
    });
  });

  it('only a call’s end puts an agent in wrap-up, and only its end, a choice or a supervisor takes them out', () => {
    fc.assert(
      fc.property(status, reason, facts, (current, why, known) => {
        const next = statusOf(nextStatus(current, why, known));
        if (next === 'wrap-up' && current !== 'wrap-up') {
          expect(why.kind === 'call-over' && why.wrapUp).toBe(true);
        }
        if (current === 'wrap-up' && next !== undefined && next !== 'wrap-up') {
          // (a console back while a call is live finds its agent busy)
          const onACall = why.kind === 'back-online' && known.onCall;
          expect(
            onACall || ['wrap-up-over', 'chose', 'sent-away', 'call-started'].includes(why.kind),
          ).toBe(true);
        }
      }),
    );
  });

  it('a supervisor cannot send away an agent who is on a call or signed out', () => {
    const away = { kind: 'sent-away' } as const;
    expect(nextStatus('busy', away, { onCall: true })).toEqual({ refused: 'on-a-call' });
    expect(nextStatus('offline', away, { onCall: false })).toEqual({ refused: 'offline' });
    expect(nextStatus(undefined, away, { onCall: false })).toEqual({ refused: 'offline' });
    expect(nextStatus('available', away, { onCall: false })).toEqual({ status: 'away' });
  });

  it('a reconnecting console finds its agent busy if a call is live, as it was otherwise', () => {
    expect(nextStatus('away', { kind: 'back-online' }, { onCall: true })).toEqual({
      status: 'busy',
    });
    expect(nextStatus('available', { kind: 'back-online' }, { onCall: false })).toEqual({
      status: 'available',
    });
  });

  it('only a call’s end clears busy; nothing but a call makes an agent busy', () => {
    fc.assert(
      fc.property(status, reason, facts, (current, why, known) => {
        const next = statusOf(nextStatus(current, why, known));
        if (current === 'busy' && next !== undefined && next !== 'busy') {
          expect(why.kind === 'call-over' || (why.kind === 'chose' && why.status === 'away')).toBe(
            true,
          );
        }
        if (next === 'busy' && current !== 'busy') {
          expect(why.kind === 'call-started' || known.onCall).toBe(true);
        }
        // nobody is made offline here: only the last console closing does that
        if (next === 'offline') expect(current ?? 'offline').toBe('offline');
      }),
    );
  });

  it('asks whether the agent is on a call exactly when the answer can change the outcome', () => {
    fc.assert(
      fc.property(status, reason, (current, why) => {
        const onCall = nextStatus(current, why, { onCall: true });
        const notOnCall = nextStatus(current, why, { onCall: false });
        if (!needsCallFact(current, why)) expect(onCall).toEqual(notOnCall);
      }),
    );
  });
});
