const MASK = '****';

/**
 * A path segment that reads as a credential rather than a name: many receivers put the secret
 * in the path (Slack's `/services/T…/B…/<secret>`, Zapier's `/hooks/catch/123/abc…/`). Long
 * runs of letters and digits mixed, or any segment of 24 characters or more, count; words such
 * as `webhooks`, `v2` or `ringside-calls` do not.
 */
function looksLikeSecret(segment: string): boolean {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // a stray % stays as it is: judged on its raw characters
  }
  if (text.length >= 24) return true;
  return text.length >= 6 && /[0-9]/.test(text) && /[A-Za-z]/.test(text) && !/^v[0-9]+$/.test(text);
}

function maskPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (segment !== MASK && looksLikeSecret(segment) ? MASK : segment))
    .join('/');
}

/**
 * A receiver URL as it may be shown to someone who does not manage webhooks, or kept in the
 * audit log: its user name, password, every query value and any path segment that looks like
 * a key may be credentials, so each is replaced by `****` (the host, the path's words and the
 * query names stay, enough to tell receivers apart). Masking twice changes nothing; something
 * that is not a URL is not shown at all.
 *
 * @example
 * maskReceiverUrl('https://bot:pw@crm.example.com/hook?token=abc&v=2');
 * // 'https://****:****@crm.example.com/hook?token=****&v=****'
 * maskReceiverUrl('https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/wXyZ1234abcdEFGH5678ijkl');
 * // the three segments after `services` each become `****`
 */
export function maskReceiverUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(not a valid URL)';
  }
  if (parsed.username !== '') parsed.username = MASK;
  if (parsed.password !== '') parsed.password = MASK;
  parsed.pathname = maskPath(parsed.pathname);
  const names = [...parsed.searchParams.keys()];
  parsed.search = '';
  // written by hand: URLSearchParams would percent-encode the mask
  const query = names.map((name) => `${encodeURIComponent(name)}=${MASK}`).join('&');
  parsed.hash = '';
  return `${parsed.toString()}${query === '' ? '' : `?${query}`}`;
}
