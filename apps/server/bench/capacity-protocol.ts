/** Requests to the capacity bench's server process (Ringside on PostgreSQL, on its own). */
export type ServerRequest =
  | {
      readonly kind: 'start';
      readonly appSecret: string;
      readonly logFile: string;
      readonly databaseUrl: string;
      /** cluster mode: the Socket.IO adapter and the sign-in throttle in this Redis */
      readonly redisUrl?: string;
      /** a second node: serve the workspace the first node made instead of making one */
      readonly shared?: { readonly workspaceId: string; readonly phoneNumberId: string };
    }
  /** agents of the bench workspace with sessions made in the database; replies their cookies */
  | { readonly kind: 'add-agents'; readonly count: number }
  /** this process's memory and CPU so far; after a full garbage collection when `collect` */
  | { readonly kind: 'usage'; readonly collect?: boolean }
  /** waits until the webhook processor has nothing left */
  | { readonly kind: 'idle'; readonly timeoutMs: number };

export type ServerReply =
  | {
      readonly kind: 'started';
      readonly url: string;
      readonly webhookUrl: string;
      readonly workspaceId: string;
      readonly phoneNumberId: string;
      /** a number of a second workspace with no agents: its calls ring nobody */
      readonly quietPhoneNumberId: string;
    }
  | { readonly kind: 'agents'; readonly cookies: readonly string[] }
  | { readonly kind: 'usage'; readonly usage: ProcessUsage }
  | { readonly kind: 'idle'; readonly graphRequests: number };

/** what a process has used, read inside it */
export interface ProcessUsage {
  readonly rssBytes: number;
  /** the V8 heap in use (steadier than RSS, which the allocator gives back late or never) */
  readonly heapUsedBytes: number;
  /** user + system CPU time since the process started */
  readonly cpuMicros: number;
  /** when it was read, `performance.timeOrigin`-independent (ms, monotonic in that process) */
  readonly atMs: number;
}
