import { metaErrorEnvelopeSchema } from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaSim } from '../create-meta-sim';
import { DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER } from '../engine/config';
import { startWhatsAppSim, type TestGraphClient } from './test-client';

let sim: MetaSim;
let graph: TestGraphClient;

afterEach(async () => {
  await sim.close();
});

const read = (id: string, fields: string | null, token: string | null) =>
  graph.raw(`/${id}${fields === null ? '' : `?fields=${fields}`}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
const error = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error;

describe('reading a number or Page node, as a connect probe does', () => {
  it('answers the fields asked for, with the token of that very number or Page', async () => {
    ({ sim, graph } = await startWhatsAppSim());
    const number = DEMO_WHATSAPP_NUMBER;
    const page = DEMO_MESSENGER_PAGE;

    const wa = await read(number.phoneNumberId, 'id,display_phone_number', number.accessToken);
    expect(wa).toMatchObject({
      status: 200,
      body: { id: number.phoneNumberId, display_phone_number: number.displayPhoneNumber },
    });
    const fb = await read(page.pageId, 'id,name', page.accessToken);
    expect(fb).toMatchObject({ status: 200, body: { id: page.pageId, name: page.name } });
    expect((await read(page.pageId, null, page.accessToken)).body).toEqual({
      id: page.pageId,
      name: page.name,
    });
  });

  it('refuses as Meta does: no token, an unknown token, another object’s token, an unknown id, an unknown field', async () => {
    ({ sim, graph } = await startWhatsAppSim());
    const number = DEMO_WHATSAPP_NUMBER;
    const page = DEMO_MESSENGER_PAGE;
    const cases: [string, string | null, string | null, number, number][] = [
      [number.phoneNumberId, 'id', null, 401, 190],
      [number.phoneNumberId, 'id', 'EAAG-not-a-token-Meta-issued', 401, 190],
      [number.phoneNumberId, 'id', page.accessToken, 401, 190],
      [page.pageId, 'id,name', number.accessToken, 401, 190],
      ['106378625510000', 'id,name', page.accessToken, 400, 100],
      [page.pageId, 'id,access_token', page.accessToken, 400, 100],
    ];
    for (const [id, fields, token, status, code] of cases) {
      const res = await read(id, fields, token);
      expect([res.status, error(res.body).code], `${id} ${fields} ${token}`).toEqual([
        status,
        code,
      ]);
    }
  });
});
