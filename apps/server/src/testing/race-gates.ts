import type { RacePoint, RacePoints } from '../calls/race-points';

/** one held point: `reached` resolves when a flow arrives there; `release` lets it go on */
export interface Gate {
  readonly reached: Promise<void>;
  release(): void;
}

/**
 * A controllable scheduler for {@link RacePoints}: a test holds a point (for one subject or any)
 * before starting the flows, waits until a flow reaches it, does other work, then releases it.
 * Points nobody holds pass at once.
 *
 * @example
 * const gates = createRaceGates();
 * const planned = gates.hold('arrival:planned');
 * await postConnect();
 * await planned.reached; // the call's first offer was decided, the call is not stored
 * await setAvailable();
 * planned.release();
 */
export function createRaceGates(): RacePoints & {
  hold(point: RacePoint, subject?: string): Gate;
  releaseAll(): void;
} {
  const held: {
    point: RacePoint;
    subject?: string;
    arrive: () => void;
    gone: Promise<void>;
    release: () => void;
    used: boolean;
  }[] = [];

  return {
    hold(point, subject) {
      let arrive = () => {};
      let release = () => {};
      const reached = new Promise<void>((resolve) => (arrive = resolve));
      const gone = new Promise<void>((resolve) => (release = resolve));
      held.push({
        point,
        ...(subject === undefined ? {} : { subject }),
        arrive,
        gone,
        release,
        used: false,
      });
      return { reached, release };
    },
    async reached(point, subject) {
      const gate = held.find(
        (g) => !g.used && g.point === point && (g.subject === undefined || g.subject === subject),
      );
      if (!gate) return;
      gate.used = true;
      gate.arrive();
      await gate.gone;
    },
    releaseAll() {
      for (const gate of held.splice(0)) gate.release();
    },
  };
}
