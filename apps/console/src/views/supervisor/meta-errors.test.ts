import type { CallDetailReply } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { at, summary } from '../../state/board-testing';
import { metaErrorsOf, timelineDetail } from './meta-errors';

const detail = (overrides: Partial<CallDetailReply>): CallDetailReply => ({
  ...summary('c1'),
  events: [],
  ...overrides,
});

describe('metaErrorsOf', () => {
  it('finds refused Graph requests and errors in Meta’s webhooks, in timeline order', () => {
    const errors = metaErrorsOf(
      detail({
        events: [
          { at: at(0), type: 'webhook.connect', detail: { from: 'none', to: 'ringing' } },
          { at: at(1_000), type: 'graph.failed', detail: { action: 'pre_accept', code: 138006 } },
          {
            at: at(2_000),
            type: 'webhook.terminated',
            detail: {
              status: 'failed',
              errors: [{ code: 138021, message: 'Media receive timeout' }, 'junk', { code: 'x' }],
            },
          },
        ],
        metaError: { code: 138021, meaning: 'repeated' },
      }),
    );
    expect(errors.map((e) => [e.code, e.source, e.text])).toEqual([
      [138006, 'Graph: pre accept', undefined],
      [138021, 'Webhook: terminated', 'Media receive timeout'],
    ]);
    expect(errors[0]?.meaning).not.toBe('');
    expect(errors[0]?.at).toBe(at(1_000));
  });

  it('lists the error a call ended with when the timeline has none', () => {
    expect(
      metaErrorsOf(detail({ metaError: { code: 131000, meaning: 'Something went wrong.' } })),
    ).toEqual([{ code: 131000, meaning: 'Something went wrong.', source: 'Outcome' }]);
  });

  it('finds nothing on a clean call', () => {
    expect(
      metaErrorsOf(
        detail({ events: [{ at: at(0), type: 'agent.claim', detail: { agentId: 'u1' } }] }),
      ),
    ).toEqual([]);
  });
});

describe('timelineDetail', () => {
  it('leaves bare user ids out of a timeline line', () => {
    expect(timelineDetail({ by: '2b40ac68-7c94-4284-8710-b2425a0bbb3e', name: 'Ada Admin' })).toBe(
      'name: Ada Admin',
    );
    expect(timelineDetail({ from: 'active', to: 'ended', status: 'COMPLETED' })).toBe(
      'active → ended · status: COMPLETED',
    );
    expect(timelineDetail(undefined)).toBe('');
  });
});
