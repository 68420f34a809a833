import { metaErrorEnvelopeSchema, waMessageSentReplySchema } from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from '../engine/config';
import { createFakeMediaFactory } from '../engine/fake-media';
import { DEFAULT_PERMISSION_TEMPLATE } from '../engine/templates';
import { startWhatsAppSim, type TestGraphClient } from './test-client';

const PNID = DEMO_WHATSAPP_NUMBER.phoneNumberId;
const USER = '918097530000';

let sim: MetaSim;
let graph: TestGraphClient;
let now = Date.parse('2026-12-07T09:00:00Z');

async function start(options: MetaSimOptions = {}): Promise<void> {
  now = Date.parse('2026-12-07T09:00:00Z');
  ({ sim, graph } = await startWhatsAppSim({
    customerServiceWindow: 'enforced',
    permissionReply: { response: 'none' },
    media: createFakeMediaFactory(),
    now: () => now,
    ...options,
  }));
}

afterEach(async () => {
  await sim.close();
});

const freeForm = (to = USER) =>
  graph.post(PNID, 'messages', {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'interactive',
    interactive: {
      type: 'call_permission_request',
      action: { name: 'call_permission_request' },
      body: { text: 'Acme would like to call you on WhatsApp.' },
    },
  });
const template = (name: string, code: string, to = USER) =>
  graph.post(PNID, 'messages', {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: { name, language: { code } },
  });
const errorOf = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error;
const HOUR = 3_600_000;

describe('call permission requests and the customer service window', () => {
  it('refuses the free-form request to a user who never messaged or called: 131047', async () => {
    await start();
    const res = await freeForm();
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toMatchObject({
      code: 131047,
      message: '(#131047) Re-engagement message',
      error_data: { details: expect.stringMatching(/24 hours/) },
    });
  });

  it('takes the free-form request for 24 hours after the user called', async () => {
    await start();
    const call = await sim.placeCall({ channel: 'whatsapp', from: USER });
    await call.hangUp();
    now += 23 * HOUR;
    expect((await freeForm()).status).toBe(200);
    now += 2 * HOUR;
    expect(errorOf((await freeForm()).body).code).toBe(131047);
  });

  it('takes an approved template outside the window, and counts it against the limits', async () => {
    await start();
    const { name, language } = DEFAULT_PERMISSION_TEMPLATE;
    const sent = await template(name, language);
    expect(sent.status).toBe(200);
    expect(waMessageSentReplySchema.parse(sent.body).messages[0].id).toMatch(/^wamid\./);
    // 1 a day
    expect(errorOf((await template(name, language)).body).code).toBe(138009);
    now += 25 * HOUR;
    expect((await template(name, language)).status).toBe(200);
    // 2 a week
    now += 25 * HOUR;
    expect(errorOf((await template(name, language)).body).code).toBe(138009);
  });

  it('refuses a template it does not hold, or not in that language: 132001', async () => {
    await start({ approvedTemplates: [{ name: 'call_permission', language: 'pt_BR' }] });
    const unknown = errorOf((await template('no_such_template', 'en')).body);
    expect(unknown).toMatchObject({
      code: 132001,
      message: '(#132001) Template name does not exist in the translation',
    });
    const wrongLanguage = errorOf((await template('call_permission', 'en')).body);
    expect(wrongLanguage.code).toBe(132001);
    expect(wrongLanguage.error_data?.details).toMatch(/exists in pt_BR/);
    expect((await template('call_permission', 'pt_BR')).status).toBe(200);
  });

  it('enforces the window by default, as Meta does; always-open is an option that is not Meta', async () => {
    await start({ customerServiceWindow: undefined });
    expect(errorOf((await freeForm()).body).code).toBe(131047);
    await sim.close();
    await start({ customerServiceWindow: 'always-open' });
    expect((await freeForm()).status).toBe(200);
  });
});
