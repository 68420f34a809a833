import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error';

// reading never changes state; OPTIONS is a CORS preflight, which carries no cookie-bearing body
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Where a request says it comes from: its `Origin` header, or when that is absent (some older
 * browsers on same-origin POSTs) the origin of its `Referer`. `Origin: null` stays `'null'`.
 *
 * @example
 * requestOrigin({ referer: 'https://ringside.example.com/login?next=/' }); // 'https://ringside.example.com'
 */
export function requestOrigin(headers: IncomingHttpHeaders): string | undefined {
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin;
  const referer = headers.referer;
  if (typeof referer !== 'string' || referer === '') return undefined;
  return originOf(referer);
}

/**
 * Whether `origin` is one of the console's public origins (exact scheme, host and port).
 *
 * @example
 * isAllowedOrigin('http://localhost:3000', ['http://localhost:3000']); // true
 * isAllowedOrigin('http://localhost:3001', ['http://localhost:3000']); // false
 */
export function isAllowedOrigin(
  origin: string | undefined,
  publicOrigins: readonly string[],
): boolean {
  if (origin === undefined || origin === 'null') return false;
  const normalized = originOf(origin);
  return (
    normalized !== undefined && publicOrigins.some((allowed) => originOf(allowed) === normalized)
  );
}

/**
 * CSRF guard for state-changing REST: a POST, PUT, PATCH or DELETE must come from a page on one
 * of `publicOrigins` (by `Origin`, else `Referer`), or it is refused with 403 `forbidden`
 * before the route runs. GET and HEAD pass.
 *
 * @example
 * router.post('/auth/logout', requireSameOrigin(env.PUBLIC_ORIGIN), logout);
 */
export function requireSameOrigin(publicOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    if (isAllowedOrigin(requestOrigin(req.headers), publicOrigins)) {
      next();
      return;
    }
    next(new AppError('forbidden', 403, 'This request did not come from the Ringside console.'));
  };
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // only web origins: a file: or data: url has the opaque origin 'null'
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
