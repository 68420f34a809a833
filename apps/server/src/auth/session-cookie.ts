import type { CookieOptions, Response } from 'express';

/** The session cookie's name. */
export const SESSION_COOKIE = 'ringside_session';

/** How long a sign-in lasts: one long shift. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionCookieSettings {
  /** true when the console is served over https */
  secure: boolean;
  /** lifetime in ms, matching the session's; default {@link DEFAULT_SESSION_TTL_MS} */
  maxAgeMs?: number;
}

/**
 * The session cookie's attributes: HttpOnly (scripts never see it), SameSite=Lax (no cross-site
 * POSTs), Path=/, Secure on https, and a Max-Age equal to the session's lifetime.
 *
 * @example
 * res.cookie(SESSION_COOKIE, token, sessionCookieOptions({ secure: true }));
 * // Set-Cookie: ringside_session=…; Max-Age=43200; Path=/; HttpOnly; Secure; SameSite=Lax
 */
export function sessionCookieOptions(settings: SessionCookieSettings): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: settings.secure,
    maxAge: settings.maxAgeMs ?? DEFAULT_SESSION_TTL_MS,
  };
}

/**
 * Whether cookies should be Secure for a console at `origin`.
 *
 * @example
 * isSecureOrigin('https://ringside.example.com'); // true
 * isSecureOrigin('http://localhost:3000'); // false
 */
export function isSecureOrigin(origin: string): boolean {
  return origin.toLowerCase().startsWith('https:');
}

/**
 * Hands the browser its session token.
 *
 * @example
 * setSessionCookie(res, token, { secure: false, maxAgeMs: ttlMs });
 */
export function setSessionCookie(
  res: Response,
  token: string,
  settings: SessionCookieSettings,
): void {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(settings));
}

/**
 * Tells the browser to forget its session token (same attributes, expired).
 *
 * @example
 * clearSessionCookie(res, { secure: false });
 */
export function clearSessionCookie(res: Response, settings: SessionCookieSettings): void {
  // express 5 ignores maxAge here and sends an expiry in the past
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(settings));
}

// a token is base64url; anything much longer is not ours
const MAX_COOKIE_HEADER = 8 * 1024;

/**
 * The session token in a `Cookie` header, if there is one (the first, as browsers send the
 * most specific path first).
 *
 * @example
 * readSessionToken('theme=dark; ringside_session=abc123'); // 'abc123'
 * readSessionToken(undefined); // undefined
 */
export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader || cookieHeader.length > MAX_COOKIE_HEADER) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = unquote(pair.slice(eq + 1).trim());
    const decoded = decode(value);
    return decoded === undefined || decoded === '' ? undefined : decoded;
  }
  return undefined;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1)
    : value;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
