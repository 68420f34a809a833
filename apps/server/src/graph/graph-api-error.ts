import { describeMetaError, type MetaErrorEnvelope } from '@ringside/contracts';

/** why a Graph request failed: Meta said no, the network failed, it took too long, or the reply made no sense */
export type GraphFailureKind = 'meta' | 'network' | 'timeout' | 'bad-reply';

/**
 * A failed Graph API request, with Meta's code, its meaning in plain words, whether retrying can
 * help and Meta's trace id. Its message never carries a token or a request body.
 *
 * @example
 * try { await graph.whatsapp.accept(channel, callId, sdp) }
 * catch (e) { if (e instanceof GraphApiError) tellAgent(e.meaning) }
 */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  readonly kind: GraphFailureKind;
  /** Meta's error code; absent for network failures and timeouts */
  readonly code: number | undefined;
  /** Meta's `error_subcode` (463: the token has expired) */
  readonly subcode: number | undefined;
  readonly httpStatus: number | undefined;
  readonly meaning: string;
  readonly retryable: boolean;
  readonly fbtraceId: string | undefined;
  /** Meta's `error_data.details` (e.g. what was wrong with an SDP) */
  readonly details: string | undefined;

  constructor(init: {
    kind: GraphFailureKind;
    meaning: string;
    retryable: boolean;
    code?: number;
    subcode?: number;
    httpStatus?: number;
    fbtraceId?: string;
    details?: string;
    cause?: unknown;
  }) {
    const where = init.code !== undefined ? ` (Meta error ${init.code})` : '';
    super(`${init.meaning}${where}`, { cause: init.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.subcode = init.subcode;
    this.httpStatus = init.httpStatus;
    this.meaning = init.meaning;
    this.retryable = init.retryable;
    this.fbtraceId = init.fbtraceId;
    this.details = init.details;
  }

  /** builds the error from Meta's error envelope and the HTTP status it came with */
  static fromEnvelope(envelope: MetaErrorEnvelope, httpStatus: number): GraphApiError {
    const {
      code,
      error_subcode: subcode,
      fbtrace_id: fbtraceId,
      error_data: data,
    } = envelope.error;
    const described = describeMetaError(code, httpStatus);
    return new GraphApiError({
      kind: 'meta',
      code,
      ...(subcode === undefined ? {} : { subcode }),
      httpStatus,
      meaning: described.meaning,
      retryable: described.retryable,
      ...(fbtraceId === undefined ? {} : { fbtraceId }),
      ...(data?.details === undefined ? {} : { details: data.details }),
    });
  }
}
