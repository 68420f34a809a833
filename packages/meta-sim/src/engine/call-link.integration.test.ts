import { waWebhookSchema } from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER } from './config';
import { createFakeMediaFactory } from './fake-media';
import { parseCallLink } from './place-call';

let sim: MetaSim;

afterEach(async () => {
  await sim?.close();
});

function callItem(callId: string, kind: 'connect' | 'terminate') {
  const [delivery] = sim.deliveries({ callId, kind });
  const item = waWebhookSchema.parse(delivery?.payload).entry[0]?.changes[0]?.value.calls?.[0];
  if (!item) throw new Error(`no ${kind} webhook for ${callId}`);
  return item;
}

describe('a call from a calling deep link or a call button', () => {
  it("carries the link's biz_payload as deeplink_payload in connect and terminate", async () => {
    sim = createMetaSim({ media: createFakeMediaFactory(), webhookUrl: null });
    const digits = DEMO_WHATSAPP_NUMBER.displayPhoneNumber.replace(/\D/g, '');
    const call = await sim.placeCall({
      channel: 'whatsapp',
      link: `https://wa.me/call/${digits}?biz_payload=spring-flyer`,
      ctaPayload: 'order-4471',
    });
    expect(callItem(call.id, 'connect')).toMatchObject({
      to: digits,
      deeplink_payload: 'spring-flyer',
      cta_payload: 'order-4471',
    });
    await call.hangUp();
    expect(callItem(call.id, 'terminate')).toMatchObject({ deeplink_payload: 'spring-flyer' });
  });

  it('sends neither field for a plain call', async () => {
    sim = createMetaSim({ media: createFakeMediaFactory(), webhookUrl: null });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    expect(callItem(call.id, 'connect')).not.toHaveProperty('deeplink_payload');
    expect(callItem(call.id, 'connect')).not.toHaveProperty('cta_payload');
  });

  it('refuses a call button payload over 512 characters and a link that is not one', async () => {
    sim = createMetaSim({ media: createFakeMediaFactory(), webhookUrl: null });
    await expect(
      sim.placeCall({ channel: 'whatsapp', ctaPayload: 'x'.repeat(513) }),
    ).rejects.toThrow(/512/);
    expect(() => parseCallLink('https://wa.me/15550100100')).toThrow(/not a calling deep link/);
    expect(parseCallLink('wa.me/call/15550100100')).toEqual({ number: '15550100100' });
  });
});
