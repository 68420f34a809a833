import { describe, expect, it } from 'vitest';
import { LEVELS } from './support/audio-levels';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';

const world = useE2e();
const shots = screenshots('hold');

// the harness's microphone is loud and the hold music soft: the far end's level says which it hears
const hearsVoice = (level: number) => level > LEVELS.voice;
const hearsMusic = (level: number) => level > LEVELS.silence && level < LEVELS.musicCeiling;

describe('Hold', () => {
  it('plays music to the caller instead of the microphone, and Resume brings the microphone back', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Hugo Hold');
    const before = await eventually(
      () => call.stats(),
      (s) => hearsVoice(s.audioLevel),
    );
    expect(before.audioLevel).toBeGreaterThan(LEVELS.voice);
    const micTrack = (await alex.audio()).senderTrack;
    const offersBefore = stack.sim.requests({ callId: call.id }).length;

    await alex.button('Hold').click();
    await alex.button('Resume').waitFor();
    await shots.take(alex.page, 'on-hold');
    const onHold = await eventually(
      () => call.stats(),
      (s) => hearsMusic(s.audioLevel),
      {
        timeoutMs: 10_000,
      },
    );
    expect(onHold.audioLevel).toBeGreaterThan(LEVELS.silence);
    expect(onHold.audioLevel).toBeLessThan(LEVELS.musicCeiling);
    // music the whole time, never the microphone coming through
    const heldLevels = await sample(() => call.stats().audioLevel, 2000);
    expect(heldLevels.every(hearsMusic)).toBe(true);
    expect(call.state).toBe('accepted');

    await alex.button('Resume').click();
    await alex.button('Hold').waitFor();
    const resumed = await eventually(
      () => call.stats(),
      (s) => hearsVoice(s.audioLevel),
    );
    expect(resumed.audioLevel).toBeGreaterThan(LEVELS.voice);
    // the same microphone track is sent again, swapped in place: no renegotiation with Meta
    expect((await alex.audio()).senderTrack?.id).toBe(micTrack?.id);
    expect(stack.sim.requests({ callId: call.id })).toHaveLength(offersBefore);
    await shots.take(alex.page, 'resumed');
  });
});
