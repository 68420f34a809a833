import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('dtmf');

describe('Keypad', () => {
  it('sends "12#" as RFC 4733 tones that reach the caller in order', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Dina Dtmf');

    await alex.button('Keypad').click();
    // pressed at typing speed: the console queues tones rather than dropping them
    for (const key of ['1', '2', '#']) {
      await alex.page.getByRole('button', { name: key, exact: true }).click();
    }
    await shots.take(alex.page, 'keypad');

    const heard = await eventually(
      () => call.stats(),
      (s) => s.dtmf.length >= 3,
    );
    expect(heard.dtmf).toBe('12#');
    // tones travel beside the audio, never instead of it
    expect(call.state).toBe('accepted');
    const before = heard.packetsReceived;
    const after = await eventually(
      () => call.stats(),
      (s) => s.packetsReceived > before + 25,
    );
    expect(after.packetsReceived).toBeGreaterThan(before + 25);
  });
});
