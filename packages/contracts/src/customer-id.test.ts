import { describe, expect, it } from 'vitest';
import { isBsuid } from './bsuid-pattern';
import { waConnectBodySchema, waConnectReplySchema, waSuccessReplySchema } from './graph-whatsapp';
import { callerSchema } from './socket-views';
import { loadFixture } from './test-fixtures';
import { waCallStatusSchema, waWebhookSchema } from './whatsapp-webhook';

describe('isBsuid', () => {
  it('tells a BSUID and a parent BSUID from a phone number or a PSID', () => {
    expect(isBsuid('US.13491208655302741918')).toBe(true);
    expect(isBsuid('IN.13491208655302741918')).toBe(true);
    expect(isBsuid('US.ENT.11815799212886844830')).toBe(true);
    expect(isBsuid('918097530000')).toBe(false);
    expect(isBsuid('+918097530000')).toBe(false);
    expect(isBsuid('5275811702471834')).toBe(false);
    expect(isBsuid('us.1349')).toBe(false);
    expect(isBsuid('US.')).toBe(false);
  });
});

describe('contracts accept customers known by phone, BSUID or both', () => {
  const sdp = 'v=0\r\n';

  it('parses the username caller fixture: no from, no wa_id, from_user_id and contacts[].user_id', () => {
    const body = waWebhookSchema.parse(loadFixture('whatsapp/connect-username-caller.json'));
    const value = body.entry[0]?.changes[0]?.value;
    const call = value?.calls?.[0];
    expect(call?.event === 'connect' && call.from).toBeUndefined();
    expect(call?.event === 'connect' && call.from_user_id).toBe('IN.13491208655302741918');
    expect(value?.contacts?.[0]).toMatchObject({
      user_id: 'IN.13491208655302741918',
      profile: { name: 'Priya', username: '@priya.k' },
    });
  });

  it('a call status may name the customer by recipient_user_id alone', () => {
    const status = waCallStatusSchema.parse({
      id: 'wacid.1',
      timestamp: '1753116000',
      type: 'call',
      status: 'RINGING',
      recipient_user_id: 'US.13491208655302741918',
    });
    expect(status.recipient_id).toBeUndefined();
  });

  it('connect goes to a phone (`to`) or a BSUID (`recipient`), and needs one of them', () => {
    const base = {
      messaging_product: 'whatsapp',
      action: 'connect',
      session: { sdp_type: 'offer', sdp },
    };
    expect(waConnectBodySchema.safeParse({ ...base, to: '918097530000' }).success).toBe(true);
    expect(
      waConnectBodySchema.safeParse({ ...base, recipient: 'US.13491208655302741918' }).success,
    ).toBe(true);
    const neither = waConnectBodySchema.safeParse(base);
    expect(neither.success).toBe(false);
    expect(neither.error?.issues[0]?.message).toMatch(/recipient/);
  });

  it('a Graph success reply counts with or without messaging_product', () => {
    expect(waSuccessReplySchema.safeParse({ success: true }).success).toBe(true);
    expect(
      waSuccessReplySchema.safeParse({ messaging_product: 'whatsapp', success: true }).success,
    ).toBe(true);
    expect(waSuccessReplySchema.safeParse({ messaging_product: 'whatsapp' }).success).toBe(false);
    expect(waConnectReplySchema.safeParse({ calls: [{ id: 'wacid.1' }] }).success).toBe(true);
  });

  it('a caller shown to agents needs a number, a user id or a psid', () => {
    expect(
      callerSchema.safeParse({ userId: 'US.13491208655302741918', username: '@priya.k' }).success,
    ).toBe(true);
    expect(callerSchema.safeParse({ name: 'Priya', username: '@priya.k' }).success).toBe(false);
    expect(callerSchema.safeParse({ userId: 'not a bsuid' }).success).toBe(false);
  });
});
