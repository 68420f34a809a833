import {
  createMetaSim,
  DEMO_MESSENGER_PAGE,
  DEMO_WHATSAPP_NUMBER,
  type MetaSim,
} from '@ringside/meta-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_API_VERSION } from '../env';
import { codeBlocks, readGuide, shellLines, shellWords } from '../testing/deploy-guide';

const GRAPH = 'https://graph.facebook.com';
const number = DEMO_WHATSAPP_NUMBER;
const page = DEMO_MESSENGER_PAGE;
// the guide's placeholders, as the simulated account has them
const vars = {
  waba_id: number.wabaId,
  phone_number_id: number.phoneNumberId,
  token: number.accessToken,
  page_id: page.pageId,
  page_token: page.accessToken,
};
let sim: MetaSim;
let simUrl = '';

beforeAll(async () => {
  // a number whose calling is still off and a WABA and Page the app is not installed on, as new
  // ones are
  sim = createMetaSim({
    appSecret: 'deploy-guide-app-secret',
    webhookUrl: null,
    numbers: [number],
    pages: [page],
    setup: {
      callingDisabled: [number.phoneNumberId],
      unsubscribedWabas: [number.wabaId],
      pageFields: { [page.pageId]: [] },
    },
  });
  simUrl = await sim.listen(0);
});

afterAll(async () => {
  await sim.close();
});

/** the guide's one `curl` line to Graph whose URL contains `path`, as a request */
function curlLine(path: string) {
  const requests = codeBlocks(readGuide(), 'sh')
    .flatMap(shellLines)
    .filter((line) => line.startsWith('curl ') && line.includes(path))
    .map((line) => shellWords(line, vars))
    .map((words) => {
      const request = {
        url: '',
        method: 'GET',
        headers: new Headers(),
        body: undefined as string | undefined,
      };
      for (let i = 1; i < words.length; i += 1) {
        const word = words[i] ?? '';
        if (word === '-X') request.method = words[(i += 1)] ?? '';
        else if (word === '-H') {
          const header = words[(i += 1)] ?? '';
          request.headers.set(
            header.slice(0, header.indexOf(':')),
            header.slice(header.indexOf(':') + 1).trim(),
          );
        } else if (word === '-d') request.body = words[(i += 1)];
        else if (word.startsWith(GRAPH)) request.url = word;
        else throw new Error(`the test does not replay curl's ${word}`);
      }
      return request;
    });
  expect(requests, `one curl line for ${path}`).toHaveLength(1);
  const [request] = requests;
  if (!request) throw new Error(`no curl line for ${path}`);
  return request;
}

// a curl line replayed against the simulated Graph API
async function replay(request: ReturnType<typeof curlLine>) {
  const response = await fetch(request.url.replace(GRAPH, simUrl), {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function callingStatus(): Promise<unknown> {
  const response = await fetch(
    `${simUrl}/${DEFAULT_GRAPH_API_VERSION}/${number.phoneNumberId}/settings`,
    { headers: { authorization: `Bearer ${number.accessToken}` } },
  );
  const body = (await response.json()) as { calling?: { status?: string } };
  return body.calling?.status;
}

describe('docs/deploy.md, section 5: the Graph lines against the Meta simulator', () => {
  it('asks for the Graph version the server is built for', () => {
    const urls = codeBlocks(readGuide(), 'sh')
      .flatMap(shellLines)
      .filter((line) => line.startsWith('curl') && line.includes(GRAPH))
      .map((line) => shellWords(line, vars).find((w) => w.startsWith(GRAPH)) ?? '');
    expect(urls).toHaveLength(4);
    for (const url of urls) expect(url).toContain(`${GRAPH}/${DEFAULT_GRAPH_API_VERSION}/`);
  });

  it('the subscribed_apps lines install the app on the WABA and the Page (5.4)', async () => {
    const read = async (id: string, token: string) =>
      (
        await fetch(`${simUrl}/${DEFAULT_GRAPH_API_VERSION}/${id}/subscribed_apps`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json();
    expect(await read(number.wabaId, number.accessToken)).toEqual({ data: [] });
    expect(await read(page.pageId, page.accessToken)).toEqual({ data: [] });

    for (const line of ['$waba_id/subscribed_apps', '$page_id/subscribed_apps']) {
      const request = curlLine(line);
      expect(request.method).toBe('POST');
      expect(await replay(request)).toMatchObject({ status: 200, body: { success: true } });
    }
    expect(await read(number.wabaId, number.accessToken)).toMatchObject({
      data: [{ whatsapp_business_api_data: { id: expect.any(String) } }],
    });
    // the fields the doctor checks for on a Page
    expect(await read(page.pageId, page.accessToken)).toMatchObject({
      data: [{ subscribed_fields: ['calls', 'call_permission_reply'] }],
    });
  });

  it('the settings line turns calling on for the number (5.5)', async () => {
    expect(await callingStatus()).toBe('DISABLED');
    const enable = curlLine('/settings');
    expect(enable.method).toBe('POST');
    const answer = await replay(enable);
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    expect(await callingStatus()).toBe('ENABLED');
  });

  it('the messenger_call_settings line reads the Page’s ring target (5.6)', async () => {
    const answer = await replay(curlLine('/messenger_call_settings'));
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('"ring_target":"PARTNERS"');
  });
});
