/**
 * Where two flows that must each see the other's write can be held by a test, so every
 * interleaving of "a call arrives" and "an agent becomes available" can be forced:
 * - `arrival:planned`: a new call's first offer was decided from who was available; the call is
 *   not stored yet
 * - `ring:read`: a ringing call's state is stored (new, declined, turn over, released); who is
 *   available has not been read yet
 * - `status:stored`: an agent's new status is stored; the ringing calls have not been read yet
 *
 * Each flow writes before it reads, so whatever the order, one of the two sees the other.
 * `subject`: Meta's call id (arrival, ring) or the agent's user id (status).
 *
 * @example
 * await points.reached('status:stored', actor.userId);
 */
export type RacePoint = 'arrival:planned' | 'ring:read' | 'status:stored';

export interface RacePoints {
  reached(point: RacePoint, subject: string): Promise<void>;
}

/** production: nothing waits */
export const noRacePoints: RacePoints = { reached: () => Promise.resolve() };
