import { DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER } from '@ringside/meta-sim';
import { describe, expect, it } from 'vitest';
import { capturedLogger } from '../testing/test-auth-server';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { ORIGIN, useStack } from '../testing/test-stack';
import { retireDemoData } from './retire-demo';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed-demo';

const stack = useStack({
  sim: { numbers: [DEMO_WHATSAPP_NUMBER], pages: [DEMO_MESSENGER_PAGE] },
});

const signIn = (email: string, password: string) =>
  fetch(`${stack().url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });

describe('demo data on a start with Meta credentials', () => {
  it('keeps a demo workspace someone really uses, its demo users disabled, and says why', async () => {
    // at the test-only cost, as the stack signs in (seed-demo's tests show the real default)
    const { workspaceId } = await seedDemo(
      stack().app.unitOfWork,
      { number: DEMO_WHATSAPP_NUMBER, page: DEMO_MESSENGER_PAGE },
      { testOnlyPasswordCost: TEST_ONLY_SCRYPT_COST },
    );
    // someone added a real colleague to the demo workspace
    const password = 'a real colleague’s password';
    const real = await stack().app.repos.users.createUser({
      workspaceId,
      email: 'real.colleague@example.com',
      name: 'Real Colleague',
      role: 'agent',
      passwordHash: await hashPassword(password, TEST_ONLY_SCRYPT_COST),
    });
    expect(real.ok).toBe(true);
    const demoAdmin = DEMO_USERS[0]?.email ?? '';
    expect((await signIn(demoAdmin, DEMO_PASSWORD)).status).toBe(200);

    const { logger, lines } = capturedLogger();
    expect(await retireDemoData(stack().database.db, logger, { remove: true })).toEqual({
      kind: 'disabled',
      workspaceId,
      users: DEMO_USERS.length,
    });
    expect(lines.join('')).toContain('demo workspace not removed');
    for (const user of DEMO_USERS)
      expect((await signIn(user.email, DEMO_PASSWORD)).status).toBe(401);
    expect((await signIn('real.colleague@example.com', password)).status).toBe(200);

    // the next start finds them disabled already and says so again
    expect(await retireDemoData(stack().database.db, logger, { remove: false })).toMatchObject({
      kind: 'disabled',
    });
  });
});
