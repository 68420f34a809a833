import type { PermissionUpdatedEvent } from '@ringside/calls';
import { callPermissionPayloadSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { permissionPayload } from './permission-reply';

const granted: PermissionUpdatedEvent = {
  kind: 'permission.updated',
  channel: 'whatsapp',
  occurredAt: 1753115900000,
  endpointId: '115017831530658',
  idempotencyKey: 'k1',
  user: '447700900123',
  userName: 'Olivia Ode',
  response: 'granted',
  permanent: false,
  expiresAt: 1753720700000,
  source: 'user_action',
  contextId: 'wamid.X',
};

describe('permissionPayload', () => {
  it('gives a WhatsApp customer’s E.164 number and name, and the permission’s expiry', () => {
    const payload = permissionPayload({ id: 'ch_1' }, granted);
    expect(payload).toEqual({
      channelId: 'ch_1',
      channel: 'whatsapp',
      customer: { number: '+447700900123', name: 'Olivia Ode' },
      granted: true,
      expiresAt: '2025-07-28T16:38:20.000Z',
      permanent: false,
    });
    // what consoles are sent is what the contract reads
    expect(callPermissionPayloadSchema.parse(payload)).toEqual(payload);
  });

  it('names a customer Meta sent no number for by their business-scoped user id', () => {
    const bsuid = 'IN.13491208655302741918';
    const payload = permissionPayload({ id: 'ch_1' }, { ...granted, user: bsuid, userId: bsuid });
    expect(payload.customer).toEqual({ userId: bsuid, name: 'Olivia Ode' });
    expect(callPermissionPayloadSchema.parse(payload)).toEqual(payload);
  });

  it('says a refusal plainly, with no expiry or permanence to misread', () => {
    const payload = permissionPayload({ id: 'ch_1' }, { ...granted, response: 'denied' });
    expect(payload).toEqual({
      channelId: 'ch_1',
      channel: 'whatsapp',
      customer: { number: '+447700900123', name: 'Olivia Ode' },
      granted: false,
    });
  });

  it('names a Messenger customer by PSID, and a permanent grant as permanent', () => {
    const messenger: PermissionUpdatedEvent = {
      kind: 'permission.updated',
      channel: 'messenger',
      occurredAt: 1753115900000,
      endpointId: '106378625516300',
      idempotencyKey: 'k2',
      user: '5275811702471834',
      response: 'granted',
      permanent: true,
    };
    expect(permissionPayload({ id: 'ch_2' }, messenger)).toEqual({
      channelId: 'ch_2',
      channel: 'messenger',
      customer: { psid: '5275811702471834' },
      granted: true,
      permanent: true,
    });
  });
});
