import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickEngine, type EngineLoad } from './pick-engine';

const engines = fc.uniqueArray(
  fc.record({ name: fc.string({ minLength: 1 }), alive: fc.boolean(), rooms: fc.nat(50) }),
  { selector: (engine) => engine.name, maxLength: 6 },
);

describe('pickEngine', () => {
  it('picks a live engine with the fewest rooms, the first listed on a tie', () => {
    fc.assert(
      fc.property(engines, (pool: EngineLoad[]) => {
        const live = pool.filter((engine) => engine.alive);
        const picked = pickEngine(pool);
        if (live.length === 0) {
          expect(picked).toBeNull();
          return;
        }
        const fewest = Math.min(...live.map((engine) => engine.rooms));
        expect(picked).toBe(live.find((engine) => engine.rooms === fewest)?.name);
      }),
    );
  });

  it('never sends a call to a dead engine, however idle', () => {
    expect(
      pickEngine([
        { name: 'a', alive: false, rooms: 0 },
        { name: 'b', alive: true, rooms: 9 },
      ]),
    ).toBe('b');
  });
});
