import type { Repos } from '../repos';

/**
 * Puts an agent who is on a call (talking, or calling a customer who has not picked up yet) back
 * to busy, whatever their presence says (a reconnect makes a dropped agent `away`, and their
 * console then asks for `available` again). Resolves with whether they are on a call; the caller
 * announces the change.
 *
 * @example
 * if (await keepBusyOnCall(repos, workspaceId, userId, now)) return; // not offered new calls
 */
export async function keepBusyOnCall(
  repos: Pick<Repos, 'calls' | 'presence'>,
  workspaceId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  if (!(await repos.calls.hasActiveCall(workspaceId, userId))) return false;
  await repos.presence.setPresence(userId, workspaceId, 'busy', now);
  return true;
}
