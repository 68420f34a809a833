/** what the pool knows of one engine when it places a call */
export interface EngineLoad {
  name: string;
  alive: boolean;
  rooms: number;
}

/**
 * The engine a new call is pinned to: the live one with the fewest rooms, the first listed on
 * a tie (configuration order is the operator's preference); null when none is alive.
 *
 * @example
 * pickEngine([
 *   { name: 'janus-a', alive: false, rooms: 0 },
 *   { name: 'janus-b', alive: true, rooms: 4 },
 *   { name: 'janus-c', alive: true, rooms: 2 },
 * ]); // 'janus-c'
 */
export function pickEngine(engines: readonly EngineLoad[]): string | null {
  let best: EngineLoad | null = null;
  for (const engine of engines) {
    if (engine.alive && (best === null || engine.rooms < best.rooms)) best = engine;
  }
  return best?.name ?? null;
}
