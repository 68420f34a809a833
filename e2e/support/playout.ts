import type { AgentConsole } from './agent-console';

/**
 * The mean level a console's browser played over about a second: its own playout energy
 * (`totalAudioEnergy`) on its newest connection, as RMS 0..1.
 *
 * @example
 * expect(await meanLevelOverASecond(alex)).toBeGreaterThan(0.05);
 */
export async function meanLevelOverASecond(console: AgentConsole): Promise<number> {
  const before = { audio: await console.audio(), at: Date.now() };
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = await console.audio();
  const seconds = (Date.now() - before.at) / 1_000;
  return Math.sqrt((after.totalAudioEnergy - before.audio.totalAudioEnergy) / seconds);
}
