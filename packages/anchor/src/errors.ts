/** what went wrong, for callers that branch on it */
export type AnchorErrorCode =
  | 'engine_not_installed'
  | 'engine_start_failed'
  | 'engine_lost'
  | 'room_closed'
  | 'leg_unknown'
  | 'negotiation_failed'
  | 'request_failed';

/**
 * An error from the media anchor with a code to branch on and the underlying cause. Messages
 * name no secret (the engine has none of ours) and may be logged.
 *
 * @example
 * throw new AnchorError('engine_lost', 'the engine at ws://127.0.0.1:8188 went away');
 */
export class AnchorError extends Error {
  readonly code: AnchorErrorCode;

  constructor(code: AnchorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AnchorError';
    this.code = code;
  }
}
