import { waWebhookSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_WHATSAPP_NUMBER } from '../engine/config';
import { newCall } from '../engine/new-call';
import type { SimCall } from '../engine/sim-call';
import type { WebhookEvent } from './webhook-event';
import { waConnect, waPermissionReply, waStatus, waTerminate } from './whatsapp-events';

// *Business-scoped user IDs*: a user known by username only is named by BSUID, never by phone
const T0 = 1_753_115_233_000;
const BSUID = 'IN.13491208655302741918';

function call(direction: SimCall['direction'], userId: string, username: string | null): SimCall {
  return newCall({
    id: 'wacid.U',
    channel: 'whatsapp',
    direction,
    businessId: DEMO_WHATSAPP_NUMBER.phoneNumberId,
    userId,
    userName: 'Priya',
    username,
    createdAt: T0,
    media: null,
    mediaOptions: {},
  });
}

const valueOf = (event: WebhookEvent) => {
  const value = waWebhookSchema.parse(event.body).entry[0]?.changes[0]?.value;
  if (!value) throw new Error('no value');
  return value;
};
const sdp = { sdp_type: 'offer' as const, sdp: 'v=0\r\n' };

describe('simulated WhatsApp users known by username (BSUID, no phone)', () => {
  it('a user-initiated connect names the caller by from_user_id and contacts user_id/username', () => {
    const event = waConnect(
      DEMO_WHATSAPP_NUMBER,
      call('user_initiated', BSUID, '@priya.k'),
      sdp,
      T0,
    );
    const value = valueOf(event);
    expect(value.contacts).toEqual([
      { profile: { name: 'Priya', username: '@priya.k' }, user_id: BSUID },
    ]);
    const item = value.calls?.[0];
    expect(item).toMatchObject({
      from_user_id: BSUID,
      to: DEMO_WHATSAPP_NUMBER.displayPhoneNumber,
    });
    expect(item).not.toHaveProperty('from');
  });

  it('a business-initiated call names the callee by to_user_id and recipient_user_id', () => {
    const outbound = call('business_initiated', BSUID, null);
    const connect = valueOf(waConnect(DEMO_WHATSAPP_NUMBER, outbound, sdp, T0)).calls?.[0];
    expect(connect).toMatchObject({ to_user_id: BSUID });
    expect(connect).not.toHaveProperty('to');
    const status = valueOf(waStatus(DEMO_WHATSAPP_NUMBER, outbound, 'RINGING', T0)).statuses?.[0];
    expect(status).toMatchObject({ recipient_user_id: BSUID });
    expect(status).not.toHaveProperty('recipient_id');
    const end = valueOf(
      waTerminate(DEMO_WHATSAPP_NUMBER, outbound, T0, {
        whatsappStatusCase: 'upper',
        noMediaDropCompleted: false,
      }),
    );
    expect(end.calls?.[0]).not.toHaveProperty('to');
  });

  it('a permission reply comes from_user_id', () => {
    const value = valueOf(
      waPermissionReply(
        DEMO_WHATSAPP_NUMBER,
        {
          userId: BSUID,
          userName: 'Priya',
          contextId: 'wamid.1',
          messageId: 'wamid.2',
          response: 'accept',
          isPermanent: false,
          expiresAt: null,
          source: 'user_action',
        },
        T0,
      ),
    );
    expect(value.messages?.[0]).toMatchObject({ from_user_id: BSUID });
    expect(value.messages?.[0]).not.toHaveProperty('from');
    expect(value.contacts?.[0]).toMatchObject({ user_id: BSUID });
  });

  it('a phone user is sent as before: from, wa_id, recipient_id', () => {
    const value = valueOf(
      waConnect(DEMO_WHATSAPP_NUMBER, call('user_initiated', '918097530000', null), sdp, T0),
    );
    expect(value.contacts).toEqual([{ profile: { name: 'Priya' }, wa_id: '918097530000' }]);
    expect(value.calls?.[0]).toMatchObject({ from: '918097530000' });
    expect(value.calls?.[0]).not.toHaveProperty('from_user_id');
  });
});
