/** why the caller's media endpoint refused a request */
export type CallerMediaErrorCode =
  /** the SDP given is not one we can negotiate audio with (the message says what is missing) */
  | 'invalid_sdp'
  /** the options given cannot be honoured (e.g. a host that is not an IPv4 address) */
  | 'invalid_options'
  /** the request does not fit this endpoint's role or signaling state */
  | 'wrong_state'
  /** the endpoint was closed */
  | 'closed'
  /** werift refused the description */
  | 'negotiation_failed';

/**
 * The error every {@link CallerMedia} method rejects with, so the engine can map it once.
 *
 * @example
 * try { await media.setRemoteAnswer(sdp); }
 * catch (error) { if (error instanceof CallerMediaError && error.code === 'invalid_sdp') … }
 */
export class CallerMediaError extends Error {
  override readonly name = 'CallerMediaError';
  readonly code: CallerMediaErrorCode;

  constructor(code: CallerMediaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
