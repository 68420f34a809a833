import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newWhatsAppCallId, whatsappConnect, whatsappTerminate } from '../testing/meta-payloads';
import { useStack, type TestWorkspace } from '../testing/test-stack';

/**
 * Many calls' webhooks in any delivery order (a terminate before its connect, a connect
 * repeated), acknowledged one after another and processed several calls at once: each call ends
 * exactly as when every delivery is processed before the next is sent.
 */
type Kind = 'connect' | 'terminate';

interface Plan {
  /** per call: whether its caller hangs up, and whether Meta repeats its connect */
  readonly calls: readonly { hangsUp: boolean; repeated: boolean }[];
  /** sort keys deciding the delivery order */
  readonly order: readonly number[];
}

const plan: fc.Arbitrary<Plan> = fc.record({
  calls: fc.array(fc.record({ hangsUp: fc.boolean(), repeated: fc.boolean() }), {
    minLength: 2,
    maxLength: 5,
  }),
  order: fc.array(fc.nat(1_000), { minLength: 15, maxLength: 15 }),
});

/** the deliveries of a plan in delivery order, as (call index, kind) */
function deliveries(p: Plan): { call: number; kind: Kind }[] {
  const list: { call: number; kind: Kind }[] = [];
  p.calls.forEach((c, call) => {
    list.push({ call, kind: 'connect' });
    if (c.repeated) list.push({ call, kind: 'connect' });
    if (c.hangsUp) list.push({ call, kind: 'terminate' });
  });
  return list
    .map((d, i) => ({ d, key: p.order[i % p.order.length] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ d }) => d);
}

// new calls wait here (before their first commit) while `held`: the deliveries behind them pile up
let held: Promise<void> = Promise.resolve();

describe('webhooks of many calls, processed several calls at once', () => {
  const stack = useStack({
    racePoints: {
      async reached(name) {
        if (name === 'arrival:planned') await held;
      },
    },
  });

  it('leave each call as processing them one at a time does', async () => {
    const ws = await stack().workspace();
    // someone to ring: whether a call rang depends on its own connect coming first
    await ws.agent();
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const order = deliveries(p);
        // one at a time: each delivery processed before the next is sent
        const alone = await play(ws, p, order, true);
        // acknowledged one after another while the first calls are held, then processed
        // several calls at once
        const together = await play(ws, p, order, false);
        expect(together).toEqual(alone);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 240_000);

  /** each call's end state: its state, outcome and timeline */
  async function play(
    ws: TestWorkspace,
    p: Plan,
    order: readonly { call: number; kind: Kind }[],
    oneByOne: boolean,
  ): Promise<string[]> {
    const ids = p.calls.map(() => newWhatsAppCallId());
    let release: () => void = () => undefined;
    // together: the first calls are held until every delivery is in, so the rest queue behind
    if (!oneByOne) held = new Promise((resolve) => (release = resolve));
    for (const { call, kind } of order) {
      const target = { phoneNumberId: ws.phoneNumberId, callId: ids[call] as string };
      const body = kind === 'connect' ? whatsappConnect(target) : whatsappTerminate(target);
      expect((await stack().postWebhook(JSON.stringify(body))).status).toBe(200);
      if (oneByOne) await stack().app.processor.idle();
    }
    release();
    await stack().app.processor.idle();
    const states: string[] = [];
    const repos = stack().app.repos;
    for (const id of ids) {
      const row = await repos.calls.getCallByMetaId(ws.id, id);
      // still ringing calls are hung up, so the next run starts with no call ringing
      if (row?.model.state === 'ringing') {
        const target = { phoneNumberId: ws.phoneNumberId, callId: id };
        const body = JSON.stringify(whatsappTerminate(target));
        expect((await stack().postWebhook(body)).status).toBe(200);
      }
      const outcome = row && 'outcome' in row.model ? String(row.model.outcome) : '-';
      // what the call's timeline holds says which came first: a connect before its terminate
      // rang (ring.offered), one after it did not. Sorted: entries are ordered by their time,
      // and Meta's times are whole seconds while ours are milliseconds
      const detail = row ? await repos.calls.getCall(ws.id, row.id) : undefined;
      const timeline = (detail?.events ?? [])
        .map((e) => e.kind)
        .sort()
        .join(',');
      states.push(`${row?.model.state ?? 'none'}/${outcome}/${timeline}`);
    }
    await stack().app.processor.idle();
    return states;
  }
});
