import { describe, expect, it } from 'vitest';
import { LEVELS } from './support/audio-levels';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';

const world = useE2e();
const shots = screenshots('mute');

describe('Mute', () => {
  it('silences what the caller hears while packets keep flowing; Unmute brings the voice back', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Maya Mute');

    const talking = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(talking.audioLevel).toBeGreaterThan(LEVELS.voice);

    await alex.button('Mute').click();
    await alex.button('Unmute').waitFor();
    await shots.take(alex.page, 'muted');
    const atMute = call.stats().packetsReceived;
    // the track is disabled, not removed: silence keeps arriving (and RTCP with it)
    const muted = await eventually(
      () => call.stats(),
      (s) => s.audioLevel < LEVELS.silence && s.packetsReceived > atMute + 50,
    );
    expect(muted.audioLevel).toBeLessThan(LEVELS.silence);
    expect(muted.packetsReceived).toBeGreaterThan(atMute + 50);
    const whileMuted = await sample(() => call.stats().audioLevel, 1500);
    expect(Math.max(...whileMuted)).toBeLessThan(LEVELS.silence);
    expect(call.state).toBe('accepted');

    await alex.button('Unmute').click();
    await alex.button('Mute').waitFor();
    const restored = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(restored.audioLevel).toBeGreaterThan(LEVELS.voice);
    await shots.take(alex.page, 'unmuted');
  });
});
