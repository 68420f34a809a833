import { afterEach, describe, expect, it } from 'vitest';
import { servePeerPage, type PeerPageServer } from './peer-page';

let server: PeerPageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('servePeerPage', () => {
  it('serves the self-contained peer page on 127.0.0.1', async () => {
    server = await servePeerPage();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('globalThis.ringsidePeer');
    expect(html).toContain('<audio id="remote"');
    // no external files: nothing is fetched from anywhere else
    expect(html).not.toMatch(/\s(src|href)=/);
  });

  it('answers 404 to anything else', async () => {
    server = await servePeerPage();
    const response = await fetch(new URL('/favicon.ico', server.url));
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });

  it('stops listening on close', async () => {
    server = await servePeerPage();
    const { url } = server;
    await server.close();
    server = undefined;
    await expect(fetch(url)).rejects.toThrow();
  });
});
