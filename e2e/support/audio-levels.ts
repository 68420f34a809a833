/**
 * Far-end audio levels (RMS 0..1, the simulator's decoded `audioLevel` over the last second)
 * for the `voice` microphone (wav.ts LOUD_VOICE). Measured in this harness: the voice arrives
 * at about 0.43–0.56, the console's hold music at about 0.05, a muted microphone at 0.0000.
 */
export const LEVELS = {
  /** the agent's voice is heard above this */
  voice: 0.25,
  /** silence is below this */
  silence: 0.005,
  /** hold music sits between silence and this: well under the voice */
  musicCeiling: 0.2,
} as const;
