import { meReplySchema } from '@ringside/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Repos } from '../repos';
import {
  createTestUser,
  getWithCookie,
  signIn,
  useAuthFixture,
  type AuthFixture,
  type TestAuthServer,
} from '../testing/test-auth-server';

const fixture = useAuthFixture();
let repos: Repos;
let workspaceId: string;
let start: AuthFixture['start'];

beforeEach(() => {
  ({ repos, workspaceId, start } = fixture());
});

function putLocale(
  server: TestAuthServer,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(`${server.baseUrl}/api/me/locale`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: server.origin, ...headers },
    body: JSON.stringify(body),
  });
}

describe('PUT /api/me/locale', () => {
  it('keeps the language a user chose: the reply, /api/me and the next sign-in all carry it', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);
    const before = meReplySchema.parse(
      await (await getWithCookie(server, '/api/me', cookie)).json(),
    );
    expect(before.locale).toBeNull();

    const changed = await putLocale(server, { locale: 'pt-BR' }, { cookie });

    expect(changed.status).toBe(200);
    expect(meReplySchema.parse(await changed.json())).toMatchObject({
      id: asha.user.id,
      locale: 'pt-BR',
    });
    const me = await getWithCookie(server, '/api/me', cookie);
    expect(meReplySchema.parse(await me.json()).locale).toBe('pt-BR');
    // another browser: the choice follows the user, not the cookie
    const elsewhere = await signIn(server, asha);
    const there = await getWithCookie(server, '/api/me', elsewhere);
    expect(meReplySchema.parse(await there.json()).locale).toBe('pt-BR');
  });

  it('is per user: a colleague keeps following their browser', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const ravi = await createTestUser(repos, workspaceId);
    await putLocale(server, { locale: 'hi' }, { cookie: await signIn(server, asha) });

    const raviMe = await getWithCookie(server, '/api/me', await signIn(server, ravi));

    expect(meReplySchema.parse(await raviMe.json()).locale).toBeNull();
  });

  it('refuses a language the console does not speak, naming the field, and keeps the old one', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);
    await putLocale(server, { locale: 'es' }, { cookie });

    const french = await putLocale(server, { locale: 'fr' }, { cookie });
    const lowerCase = await putLocale(server, { locale: 'pt-br' }, { cookie });
    const missing = await putLocale(server, {}, { cookie });

    for (const refused of [french, lowerCase, missing]) {
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as {
        error: { code: string; issues?: { path: string }[] };
      };
      expect(body.error.code).toBe('invalid_payload');
      expect(body.error.issues?.map((issue) => issue.path)).toEqual(['locale']);
    }
    const me = await getWithCookie(server, '/api/me', cookie);
    expect(meReplySchema.parse(await me.json()).locale).toBe('es');
  });

  it('needs a session and the console origin', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);

    const anonymous = await putLocale(server, { locale: 'es' }, {});
    const foreign = await putLocale(
      server,
      { locale: 'es' },
      { cookie, origin: 'http://localhost:3000.evil.example' },
    );

    expect(anonymous.status).toBe(401);
    expect(foreign.status).toBe(403);
    const me = await getWithCookie(server, '/api/me', cookie);
    expect(meReplySchema.parse(await me.json()).locale).toBeNull();
  });
});
