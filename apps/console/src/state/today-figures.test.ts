import { describe, expect, it } from 'vitest';
import { at, summary } from './board-testing';
import { todayFigures, utcDayStart } from './today-figures';

const asha = { userId: 'u1', name: 'Asha' };
const bo = { userId: 'u2', name: 'Bo' };

describe('todayFigures', () => {
  it('counts answered, ended calls per agent and averages their length', () => {
    const figures = todayFigures(
      [
        summary('a', { agent: asha, answeredAt: at(5_000), endedAt: at(65_000), durationSec: 60 }),
        summary('b', {
          agent: asha,
          answeredAt: at(1_000),
          endedAt: at(121_000),
          durationSec: 120,
        }),
        summary('c', { agent: bo, answeredAt: at(2_000), endedAt: at(32_000), durationSec: 30 }),
        // missed: no answer, so neither a count nor a length
        summary('d', { outcome: 'missed', endedAt: at(45_000) }),
        // still talking: counted once it ends, as the server's "answered" is
        summary('e', { state: 'active', agent: bo, answeredAt: at(3_000) }),
      ],
      true,
    );
    expect(figures.answeredByAgent).toEqual({ u1: 2, u2: 1 });
    expect(figures.averageCallMs).toBe(70_000);
    expect(figures.complete).toBe(true);
  });

  it('works out a length from the times when the server sent no duration', () => {
    const figures = todayFigures(
      [summary('a', { agent: asha, answeredAt: at(0), endedAt: at(90_000) })],
      false,
    );
    expect(figures.averageCallMs).toBe(90_000);
    expect(figures.complete).toBe(false);
  });

  it('has no average before the first answered call, and ignores broken times', () => {
    expect(todayFigures([], true)).toEqual({
      answeredByAgent: {},
      averageCallMs: null,
      complete: true,
    });
    const backwards = todayFigures(
      [summary('a', { agent: asha, answeredAt: at(9_000), endedAt: at(1_000) })],
      true,
    );
    expect(backwards.averageCallMs).toBeNull();
    expect(backwards.answeredByAgent).toEqual({ u1: 1 });
  });
});

describe('utcDayStart', () => {
  it('is midnight UTC of the same UTC day, whatever the offset', () => {
    expect(utcDayStart(new Date('2026-03-01T17:45:00+05:30')).toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(utcDayStart(new Date('2026-03-01T23:59:59.999Z')).toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });
});
