import { describe, expect, it } from 'vitest';
import { useE2e } from './support/e2e-suite';

const world = useE2e({ agents: ['Alex Agent'] });

describe('an agent and the supervisor and admin areas', () => {
  it('sees no link to them, is sent back from their pages, and is refused their API', async () => {
    const { stack } = world();
    const alex = await world().openConsole(0);
    await alex.signIn();
    const page = alex.page;

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'History' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Supervisor' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);

    for (const path of ['/supervisor', '/admin', '/admin/users']) {
      await page.goto(`${stack.url}${path}`);
      // back on the agent's own console, with nothing of the other page on screen
      await alex.status('Available').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getByRole('heading', { name: 'Workspace settings' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Supervisor board' }).count()).toBe(0);
    }

    // the API says no too, to requests from the console's own origin with the agent's cookie
    const replies = await page.evaluate(async () => {
      const ask = async (path: string, init?: RequestInit) => {
        const res = await fetch(path, { credentials: 'same-origin', ...init });
        const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
        return { path, status: res.status, code: body?.error?.code ?? null };
      };
      const json = { 'content-type': 'application/json' };
      return [
        await ask('/api/admin/channels'),
        await ask('/api/admin/users'),
        await ask('/api/admin/audit'),
        await ask('/api/supervisor/board'),
        await ask('/api/admin/users', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            email: 'mallory@example.com',
            password: 'long enough',
            role: 'admin',
          }),
        }),
        await ask('/api/admin/webhooks', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ url: 'https://evil.example.com/hook', events: ['*'] }),
        }),
      ];
    });
    expect(replies).toEqual(
      replies.map((reply) => ({ path: reply.path, status: 403, code: 'forbidden' })),
    );
    expect(replies).toHaveLength(6);
    // and nothing was created behind the refusal
    expect(await stack.app.repos.users.findUserByEmail('mallory@example.com')).toBeUndefined();
  });
});
