/** One row of {@link META_ERROR_CODES}. */
export type MetaErrorCodeInfo = {
  /** a stable snake_case name for logs and metrics */
  readonly name: string;
  /** plain words an agent understands */
  readonly meaning: string;
  /** whether repeating the same request later can succeed */
  readonly retryable: boolean;
};

const row = (name: string, meaning: string, retryable = false): MetaErrorCodeInfo =>
  Object.freeze({ name, meaning, retryable });

/**
 * Graph API and calling-webhook error codes we map to clear messages (meta-calling.md §2.2,
 * §2.5). Transient per Meta: 138004 and 138005 here, and 613 (the call-permission look-up
 * limit, HTTP 429 on Meta's *Troubleshooting* page), plus HTTP 5xx and 429 whatever the code
 * (see `describeMetaError`).
 *
 * @example
 * META_ERROR_CODES[138006]?.meaning; // 'The customer has not allowed this business to call them.'
 */
export const META_ERROR_CODES: Readonly<Record<number, MetaErrorCodeInfo>> = Object.freeze({
  100: row(
    'invalid_parameter',
    'Meta rejected a value in the request; for calls this is usually the audio setup (SDP). The details say which.',
  ),
  613: row(
    'permission_lookup_rate_limit',
    'Call permissions were looked up too often for now. Wait a little and try again.',
    true,
  ),
  190: row(
    'access_token_invalid',
    'The channel’s access token is invalid or expired. An admin must enter a new one.',
  ),
  131009: row('parameter_value_invalid', 'Meta rejected a value in the request as not valid.'),
  131030: row(
    'recipient_not_allowed',
    'This number is not on the test allow-list of the WhatsApp number. Add it in Meta’s dashboard.',
  ),
  131044: row(
    'request_refused',
    'Meta refused the request for this WhatsApp account (error 131044). Check the account in WhatsApp Manager.',
  ),
  131047: row(
    're_engagement_message',
    'The customer has not messaged or called this WhatsApp number in the last 24 hours, so WhatsApp only allows an approved message template.',
  ),
  131055: row(
    'number_on_sip',
    'Calling for this number is handled over SIP, so calls cannot be managed here.',
  ),
  132000: row(
    'template_param_count_mismatch',
    'The message template expects values this request did not give. Use a permission template without variables.',
  ),
  132001: row(
    'template_does_not_exist',
    'WhatsApp has no approved message template with this name in this language. Check the permission template set for this number.',
  ),
  138000: row('calling_not_enabled', 'Calling is not turned on for this WhatsApp number.'),
  138001: row('receiver_uncallable', 'This customer cannot receive WhatsApp calls right now.'),
  138002: row(
    'concurrent_call_limit',
    'The number has reached its limit of simultaneous calls (1,000).',
  ),
  138003: row('call_already_ongoing', 'A call with this customer is already in progress.'),
  138004: row('connection_error', 'Meta had a connection problem. Trying again may work.', true),
  138005: row(
    'call_rate_limit',
    'Too many calls were placed in a short time. Wait a little and try again.',
    true,
  ),
  138006: row(
    'no_call_permission',
    'The customer has not allowed this business to call them. Ask for permission first.',
  ),
  138007: row(
    'connect_timeout',
    'The call could not be set up in time: the audio setup did not reach Meta quickly enough.',
  ),
  138009: row(
    'permission_request_limit',
    'Too many call-permission requests were sent to this customer (1 a day, 2 a week).',
  ),
  138012: row(
    'connected_call_limit',
    'The daily limit of connected calls to this customer has been reached.',
  ),
  138013: row('calling_not_available', 'Calling is not available for this number or customer.'),
  138014: row('calling_disabled_for_quality', 'Meta has turned calling off for low call quality.'),
  138015: row(
    'messaging_limit_too_low',
    'Calling needs a messaging limit of at least 2,000; this number is below it.',
  ),
  138017: row(
    'permanent_permission_exists',
    'The customer has already given permanent permission to be called; no request is needed.',
  ),
  138018: row(
    'prerequisites_missing',
    'Calling prerequisites for this number are not met (Cloud API, calling settings, limits).',
  ),
  138019: row('call_setup_failed', 'The call could not be set up.'),
  138020: row('media_relay_failed', 'Meta’s media relay failed during the call.'),
  138021: row(
    'media_receive_timeout',
    'No audio reached Meta from the agent in time, so the call was dropped.',
  ),
  138022: row(
    'media_transmit_timeout',
    'Meta could not send audio to the agent in time, so the call was dropped.',
  ),
  138023: row(
    'accepted_without_media',
    'The call was accepted but no audio ever flowed, so it was dropped.',
  ),
});
