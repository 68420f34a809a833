import { describe, expect, it } from 'vitest';
import { answeredCall, expectAudioBothWays } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

// the console's only path to the simulated Meta is a real TURN relay over UDP, which the test
// freezes (SIGSTOP) to cut the path and thaws (SIGCONT) to bring it back. Meta drops a call after
// about 30 s without packets; the simulator is told 15 s so the lost call ends sooner.
const world = useE2e({ relayOnly: 'udp', sim: { timeouts: { mediaIdleMs: 15_000 } } });

describe('a network blip mid-call', () => {
  it('shows Reconnecting… while the path is down, and the call carries on with audio when it is back', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Bilal Blip');
    await expectAudioBothWays(call, alex);
    await alex.page.getByText('Connected', { exact: true }).waitFor();

    stack.turn?.pause();
    await alex.page.getByText('Reconnecting…', { exact: true }).waitFor({ timeout: 15_000 });
    const during = await call.stats();
    const heardDuring = (await alex.audio()).packetsReceived;
    stack.turn?.resume();

    await alex.page.getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
    // audio flows again both ways: more packets with a level at the caller, more at the agent
    const after = await eventually(
      () => call.stats(),
      (s) => s.packetsReceived > during.packetsReceived + 100,
    );
    expect(after.packetsReceived).toBeGreaterThan(during.packetsReceived + 100);
    const heard = await eventually(
      () => alex.audio(),
      (a) => a.packetsReceived > heardDuring + 100,
    );
    expect(heard.packetsReceived).toBeGreaterThan(heardDuring + 100);
    expect(call.state).toBe('accepted');
    await alex.button('Hang up').click();
    await alex.button('Save').click();
  });

  it('tells the agent plainly when the path does not come back and the call is lost', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Lena Lost');
    await expectAudioBothWays(call, alex);

    stack.turn?.pause();
    try {
      await alex.page.getByText('Reconnecting…', { exact: true }).waitFor({ timeout: 15_000 });
      await call.waitFor('ended', { timeoutMs: 40_000 });
      // whichever gives up first, the browser's ICE or Meta, the agent reads that it was lost
      await alex.page.getByText(/^The call was lost: /).waitFor({ timeout: 10_000 });
    } finally {
      stack.turn?.resume();
    }
    // the wrap-up is there: the agent talked before the path dropped
    await alex.button('Save').waitFor();
  });
});
