import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useE2e } from './support/e2e-suite';

const world = useE2e();
const contexts: BrowserContext[] = [];

afterAll(async () => {
  await Promise.allSettled(contexts.map((context) => context.close()));
});

/**
 * a browser whose preferred language is `locale`, and the catalog chunks its page fetches, as
 * `<locale>/<part>` (`first` for the login page, `console` once signed in)
 */
async function browserIn(locale: string): Promise<{ page: Page; catalogs: string[] }> {
  const context = await world().browser.newContext({
    locale,
    viewport: { width: 1280, height: 800 },
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const catalogs: string[] = [];
  page.on('request', (request) => {
    const chunk = /\/assets\/([A-Za-z-]+)\.(first|console)\.catalog-[\w-]+\.js$/.exec(
      new URL(request.url()).pathname,
    );
    if (chunk?.[1] && chunk[2]) catalogs.push(`${chunk[1]}/${chunk[2]}`);
  });
  return { page, catalogs };
}

async function signInInSpanish(page: Page): Promise<void> {
  const { stack } = world();
  const agent = stack.agents[0];
  if (!agent) throw new Error('the stack seeded no agent');
  await page.goto(`${stack.url}/login`);
  await page.getByLabel('Correo electrónico', { exact: true }).fill(agent.email);
  await page.getByLabel('Contraseña', { exact: true }).fill(agent.password);
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
}

describe('the console in the agent’s language', () => {
  it('speaks Spanish to a Spanish browser, switches to Português at once, and keeps it', async () => {
    const { stack } = world();
    const { page, catalogs } = await browserIn('es-ES');

    await signInInSpanish(page);
    await page.getByRole('button', { name: 'Disponible', exact: true }).click();
    await page.getByRole('button', { name: 'Disponible', exact: true, pressed: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByRole('link', { name: 'Historial', exact: true }).waitFor();

    // a ringing card in Spanish
    const call = await stack.placeCall('whatsapp', 'Rahul Mehta', { from: '447700900123' });
    const card = page.getByRole('article', { name: 'Rahul Mehta' });
    await card.getByText('Llamada entrante').waitFor();
    await card.getByRole('timer', { name: 'Sonando desde hace' }).waitFor();
    await card.getByRole('button', { name: 'Aceptar', exact: true }).waitFor();
    await card.getByRole('button', { name: 'Rechazar', exact: true }).click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    await card.waitFor({ state: 'hidden' });
    // the Spanish catalog alone, in its two parts: not English's, not any other's
    expect(catalogs.sort()).toEqual(['es/console', 'es/first']);

    // Português takes effect at once, and the server keeps it
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT',
    );
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('pt-BR');
    await page.getByRole('button', { name: 'Disponível', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Histórico', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
    expect((await saved).status()).toBe(200);

    // after a reload it is still Portuguese, and only Portuguese's catalog (both parts) is fetched
    catalogs.length = 0;
    await page.reload();
    await page.getByRole('button', { name: 'Sair', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Idioma' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('pt-BR');
    expect(catalogs.sort()).toEqual(['pt-BR/console', 'pt-BR/first']);
  });

  it('follows the user to another browser: Spanish at the login, their Português once signed in', async () => {
    const { page } = await browserIn('es-MX');

    await signInInSpanish(page);

    await page.getByRole('button', { name: 'Disponível', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Histórico', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
  });
});
