import { describe, expect, it } from 'vitest';
import { expectAudioBothWays } from './support/calls';
import { useE2e } from './support/e2e-suite';

const world = useE2e();

describe('the console under its content security policy', () => {
  it('signs in, rings, answers with audio both ways and keeps its theme, with nothing refused', async () => {
    const { stack } = world();
    const alex = await world().openConsole();
    const page = alex.page;

    // the console's own answer carries the policy and its neighbours
    const home = await fetch(`${stack.url}/login`, { headers: { accept: 'text/html' } });
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(home.headers.get('permissions-policy')).toContain('microphone=(self)');
    // its source maps are not for download
    const html = await home.text();
    const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect((await fetch(`${stack.url}${entry}`)).status).toBe(200);
    expect((await fetch(`${stack.url}${entry}.map`)).status).toBe(404);

    await alex.signIn();
    await alex.goAvailable();
    const call = await stack.placeCall('whatsapp', 'Pia Policy');
    await alex.acceptCallFrom('Pia Policy');
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    await expectAudioBothWays(call, alex);
    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });

    // the theme is picked before the first paint by a script file, not an inline one
    await page.evaluate(() => localStorage.setItem('ringside:theme', 'dark'));
    await page.reload();
    await alex.status('Available').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    );

    const refused = alex.problems.filter((p) => /Content Security Policy|Refused to/i.test(p));
    expect(refused).toEqual([]);
  });
});
