/** every socket of a workspace's users */
export const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;
/** every socket (tab, device) of one user */
export const agentRoom = (userId: string): `agent:${string}` => `agent:${userId}`;
/** supervisors and admins of a workspace: the live board */
export const supervisorsRoom = (workspaceId: string) => `supervisors:${workspaceId}`;
