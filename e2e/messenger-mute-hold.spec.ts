import { describe, expect, it } from 'vitest';
import { LEVELS } from './support/audio-levels';
import { readAudioByMid } from './support/audio-by-mid';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';

const world = useE2e();

const hearsVoice = (level: number) => level > LEVELS.voice;
const hearsMusic = (level: number) => level > LEVELS.silence && level < LEVELS.musicCeiling;

// Messenger's renegotiation leaves the agent's microphone on mid 0 (Meta receives there) and the
// customer on mid 1: mute and hold must act on mid 0's sender, not on the section Meta sends on
describe('Messenger: mute and hold act on the section Meta receives (mid 0)', () => {
  it('Hold plays music and Mute silences on mid 0, while the customer stays heard on mid 1', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'messenger', 'Mona Messenger');
    await eventually(
      () => call.stats(),
      (s) => hearsVoice(s.audioLevel),
    );
    expect(hearsVoice(call.stats().audioLevel)).toBe(true);

    await alex.button('Hold').click();
    await alex.button('Resume').waitFor();
    const onHold = await eventually(
      () => call.stats(),
      (s) => hearsMusic(s.audioLevel),
      { timeoutMs: 10_000 },
    );
    expect(hearsMusic(onHold.audioLevel)).toBe(true);
    const heldLevels = await sample(() => call.stats().audioLevel, 1500);
    expect(heldLevels.every(hearsMusic)).toBe(true);
    await alex.button('Resume').click();
    await alex.button('Hold').waitFor();
    await eventually(
      () => call.stats(),
      (s) => hearsVoice(s.audioLevel),
    );
    expect(hearsVoice(call.stats().audioLevel)).toBe(true);

    await alex.button('Mute').click();
    await alex.button('Unmute').waitFor();
    const muted = await eventually(
      () => call.stats(),
      (s) => s.audioLevel < LEVELS.silence,
    );
    expect(muted.audioLevel).toBeLessThan(LEVELS.silence);
    const whileMuted = await sample(() => call.stats().audioLevel, 1500);
    expect(Math.max(...whileMuted)).toBeLessThan(LEVELS.silence);

    // all along the customer is heard on mid 1 and nothing arrives on mid 0
    const before = (await readAudioByMid(alex.page))['1'];
    const after = await eventually(
      () => readAudioByMid(alex.page),
      (m) =>
        (m['1']?.packetsReceived ?? 0) > (before?.packetsReceived ?? 0) + 50 &&
        (m['1']?.totalAudioEnergy ?? 0) > (before?.totalAudioEnergy ?? 0),
    );
    expect(after['1']?.totalAudioEnergy).toBeGreaterThan(before?.totalAudioEnergy ?? 0);
    expect(after['0']?.packetsReceived ?? 0).toBe(0);

    await alex.button('Unmute').click();
    await alex.button('Mute').waitFor();
    await eventually(
      () => call.stats(),
      (s) => hearsVoice(s.audioLevel),
    );
    expect(hearsVoice(call.stats().audioLevel)).toBe(true);
    expect(call.state).toBe('accepted');
  });
});
