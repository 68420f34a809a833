import type { ErrorCode } from '@ringside/contracts';

/** a command the console sent that cannot be done; the message is safe to show the agent */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
