import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('agent-hangs-up');

describe('the agent hangs up', () => {
  it('ends the call at Meta with terminate, closes the audio, and offers the wrap-up', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Hana Hangup');

    await alex.button('Hang up').click();
    // the caller's phone sees the business end the call
    await call.waitFor('ended', { timeoutMs: 10_000 });
    expect(call.snapshot().reason).toBe('business-terminated');
    const terminates = await eventually(
      () => stack.sim.requests({ callId: call.id, action: 'terminate', ok: true }),
      (found) => found.length > 0,
    );
    expect(terminates).toHaveLength(1);

    // the agent's side: audio closed, call controls gone, the wrap-up waiting
    await alex.button('Save').waitFor();
    expect(await alex.button('Hang up').count()).toBe(0);
    const audio = await eventually(
      () => alex.audio(),
      (a) => a.connectionState === 'closed',
    );
    expect(audio.connectionState).toBe('closed');
    await shots.take(alex.page, 'wrap-up');

    await alex.button('Save').click();
    await alex.button('Save').waitFor({ state: 'hidden' });
    // back to taking calls without doing anything else
    await alex.statusSelected('Available').first().waitFor();
    await shots.take(alex.page, 'saved');
  });
});
