const MASK = '****';

/**
 * A receiver URL as it may be shown to someone who does not manage webhooks, or kept in the
 * audit log: its user name, password and every query value may be credentials, so each is
 * replaced by `****` (the host, path and query names stay, enough to tell receivers apart).
 * Masking twice changes nothing; something that is not a URL is not shown at all.
 *
 * @example
 * maskReceiverUrl('https://bot:pw@crm.example.com/hook?token=abc&v=2');
 * // 'https://****:****@crm.example.com/hook?token=****&v=****'
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
  const names = [...parsed.searchParams.keys()];
  parsed.search = '';
  // written by hand: URLSearchParams would percent-encode the mask
  const query = names.map((name) => `${encodeURIComponent(name)}=${MASK}`).join('&');
  parsed.hash = '';
  return `${parsed.toString()}${query === '' ? '' : `?${query}`}`;
}
