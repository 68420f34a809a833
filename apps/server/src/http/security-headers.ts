import type { RequestHandler } from 'express';

/**
 * The console's content policy: its own scripts, styles, images and sockets only; nothing inline
 * runs, nothing frames it, no plugins, forms post nowhere else. `'unsafe-inline'` for styles
 * only: React sets `style` through the DOM, and Tailwind's build is a file, but a browser
 * extension's or devtools' inline style would otherwise be reported as a violation.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every answer that goes through Express (webhook posts are answered before
 * it, with no body to protect): the content policy, no framing, no MIME sniffing, no referrer
 * sent away, the microphone for this origin only, HSTS once the console is served over https,
 * and nothing under `/api` cached.
 *
 * @example
 * app.use(securityHeaders({ https: publicOrigins.some((o) => o.startsWith('https:')) }));
 */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  return (req, res, next) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader(
      'permissions-policy',
      'microphone=(self), camera=(), geolocation=(), payment=(), usb=()',
    );
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    if (options.https || req.secure) {
      res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (req.path === '/api' || req.path.startsWith('/api/')) {
      res.setHeader('cache-control', 'no-store');
    }
    next();
  };
}
