import type { SocketData } from '@ringside/contracts';

/** the signed-in user a command comes from (what their console's socket carries) */
export type Actor = SocketData;
