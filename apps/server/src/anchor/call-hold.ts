import type { CallRoom, OfferedLeg } from '@ringside/anchor';

/**
 * An anchored call on hold for a transfer: the agent's leg is in the call's side room and music
 * plays to the customer (its file id); a colleague consulted in a warm transfer has a leg there
 * too. `handingOver`: the call changed hands, the music plays until the new agent's leg is in.
 */
export interface CallHold {
  side: CallRoom;
  music: string;
  consult?: { userId: string; leg: OfferedLeg };
  handingOver?: boolean;
}

/** the consulted colleague's leg in the side room */
export const consultLegOf = (userId: string) => `consult-${userId}`;

/**
 * The consult is over: the colleague's leg leaves the side room (the hold stays).
 *
 * @example
 * await closeConsult(call.held);
 */
export async function closeConsult(held: CallHold): Promise<void> {
  const consult = held.consult;
  if (!consult) return;
  held.consult = undefined;
  const legId = consultLegOf(consult.userId);
  if (held.side.legIds.includes(legId)) await held.side.removeLeg(legId);
}
