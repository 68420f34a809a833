import type { DialableChannel, Locale, Role } from '@ringside/contracts';
import { isLocale } from '../i18n/locales';
import type { Me } from '../state/types';
import { isRecord, readNothing, type ApiResult } from './http';
import type { RestClient } from './rest-client';

const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];

/**
 * The channels the user may call customers from. Only placing calls needs them, so a reply
 * without the list (a server from before outbound calls) or with an entry this page cannot
 * read costs that entry, never the sign-in.
 *
 * @example
 * readDialableChannels([{ id: 'ch1', channel: 'whatsapp', label: '+1 555 010 0001' }, { id: 7 }]);
 * // [{ id: 'ch1', channel: 'whatsapp', label: '+1 555 010 0001' }]
 */
export function readDialableChannels(value: unknown): DialableChannel[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const { id, channel, label } = item;
    if (typeof id !== 'string' || id === '' || typeof label !== 'string' || label === '') return [];
    if (channel !== 'whatsapp' && channel !== 'messenger') return [];
    return [{ id, channel, label }];
  });
}

/**
 * Reads a `GET /api/me` (or login) reply; `undefined` when a field is missing or wrong.
 * Hand-written rather than the contracts' zod schema so the first page load stays small.
 *
 * @example
 * readMe({ id: 'u1', email: 'a@b.c', name: 'Alex', role: 'agent', workspaceId: 'w1', workspaceName: 'Demo', channels: [] });
 */
export function readMe(body: unknown): Me | undefined {
  if (!isRecord(body)) return undefined;
  const { id, email, name, role, workspaceId, workspaceName, channels, locale } = body;
  if (
    typeof id !== 'string' ||
    id === '' ||
    typeof email !== 'string' ||
    typeof name !== 'string' ||
    typeof workspaceId !== 'string' ||
    workspaceId === '' ||
    typeof workspaceName !== 'string' ||
    !ROLES.includes(role as Role)
  ) {
    return undefined;
  }
  return {
    id,
    email,
    name,
    role: role as Role,
    workspaceId,
    workspaceName,
    channels: readDialableChannels(channels),
    // a language this page does not speak (a newer server) is as good as none chosen
    locale: isLocale(locale) ? locale : null,
  };
}

/**
 * Sign-in, sign-out and who-am-I.
 *
 * @example
 * const auth = new AuthApi(rest);
 * const signedIn = await auth.login('agent1@demo.ringside.test', 'ringside-demo');
 */
export class AuthApi {
  constructor(private readonly rest: RestClient) {}

  me(): Promise<ApiResult<Me>> {
    return this.rest.get('/api/me', readMe);
  }

  login(email: string, password: string): Promise<ApiResult<Me>> {
    return this.rest.post('/api/auth/login', { email, password }, readMe);
  }

  /** keeps the console language the user chose, for every browser they sign in on */
  setLocale(locale: Locale): Promise<ApiResult<Me>> {
    return this.rest.put('/api/me/locale', { locale }, readMe);
  }

  logout(): Promise<ApiResult<null>> {
    return this.rest.post('/api/auth/logout', undefined, readNothing);
  }
}
