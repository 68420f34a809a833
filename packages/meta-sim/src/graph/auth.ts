import type { Request } from 'express';
import type { SimConfig, SimMessengerPage, SimWhatsAppNumber } from '../engine/config';
import { refuse, succeed, type Outcome } from '../engine/outcome';

/** what a Graph path names: one of the simulator's numbers or pages */
export type GraphObject =
  { kind: 'whatsapp'; number: SimWhatsAppNumber } | { kind: 'messenger'; page: SimMessengerPage };

/**
 * Meta's checks, in Meta's order: a valid token first (HTTP 401, code 190), then an object the
 * token may reach (code 100, subcode 33 when the id is unknown). Each number and page has its
 * own token; another object's token is as wrong as no token.
 *
 * @example
 * const target = authorize(config, req, req.params.id);
 * if (!target.ok) return send(target.error);
 */
export function authorize(config: SimConfig, req: Request, objectId: string): Outcome<GraphObject> {
  const token = readToken(req);
  const tokens = [
    ...config.numbers.map((n) => n.accessToken),
    ...config.pages.map((p) => p.accessToken),
  ];
  if (token === null) {
    return refuse(190, 'An access token is required to request this resource.', {
      httpStatus: 401,
    });
  }
  if (!tokens.includes(token)) {
    return refuse(190, 'The access token could not be decrypted or is invalid.', {
      httpStatus: 401,
    });
  }
  if (config.setup.expiredTokens.includes(token)) return expired();
  const number = config.numbers.find((n) => n.phoneNumberId === objectId);
  const page = config.pages.find((p) => p.pageId === objectId);
  if (!number && !page) {
    return unsupported(req.method, objectId);
  }
  if (number) {
    if (number.accessToken !== token) return wrongObject(objectId);
    return succeed({ kind: 'whatsapp', number });
  }
  if (page && page.accessToken === token) return succeed({ kind: 'messenger', page });
  return wrongObject(objectId);
}

/**
 * Meta's answer for an id it does not know or an edge it does not serve (code 100, subcode 33).
 *
 * @example
 * return unsupported('POST', '123');
 */
export function unsupported(method: string, objectId: string) {
  return refuse(100, `no object or edge ${objectId} here`, {
    subcode: 33,
    message:
      `Unsupported ${method.toLowerCase()} request. Object with ID '${objectId}' does not exist, ` +
      'cannot be loaded due to missing permissions, or does not support this operation.',
  });
}

/**
 * Meta's answer to a token that has expired (190, subcode 463), for any request made with it.
 *
 * @example
 * if (config.setup.expiredTokens.includes(token)) return expired();
 */
export function expired() {
  return refuse(190, 'the access token has expired', {
    httpStatus: 401,
    subcode: 463,
    message: 'Error validating access token: Session has expired.',
  });
}

function wrongObject(objectId: string) {
  return refuse(190, `The access token does not grant access to ${objectId}.`, { httpStatus: 401 });
}

/** `Authorization: Bearer …`, else `access_token` in the query or body */
export function readToken(req: Request): string | null {
  const header = req.get('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? null;
  }
  const fromQuery = req.query.access_token;
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && 'access_token' in body) {
    const fromBody = (body as { access_token: unknown }).access_token;
    if (typeof fromBody === 'string' && fromBody !== '') return fromBody;
  }
  return null;
}
