import { readFileSync } from 'node:fs';
import { msgrCallPermissionsReplySchema, waCallPermissionsReplySchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { permissionVerdict } from './permission-verdict';

const wa = (status: string, canCall: boolean, canAsk: boolean) =>
  waCallPermissionsReplySchema.parse({
    messaging_product: 'whatsapp',
    permission: { status },
    actions: [
      {
        action_name: 'send_call_permission_request',
        can_perform_action: canAsk,
        limits: [{ time_period: 'PT24H', max_allowed: 1, current_usage: canAsk ? 0 : 1 }],
      },
      { action_name: 'start_call', can_perform_action: canCall, limits: [] },
    ],
  });

describe('reading Meta’s call permission', () => {
  it('WhatsApp: temporary or permanent permission lets us call, unless the call limit is used up', () => {
    expect(permissionVerdict('whatsapp', wa('temporary', true, true))).toEqual({
      kind: 'may-call',
    });
    expect(permissionVerdict('whatsapp', wa('permanent', true, false))).toEqual({
      kind: 'may-call',
    });
    expect(permissionVerdict('whatsapp', wa('temporary', false, true))).toEqual({
      kind: 'call-limit',
    });
  });

  it('WhatsApp: without permission we may ask, unless Meta’s request limit says we asked lately', () => {
    expect(permissionVerdict('whatsapp', wa('no_permission', false, true))).toEqual({
      kind: 'may-ask',
    });
    expect(permissionVerdict('whatsapp', wa('no_permission', false, false))).toEqual({
      kind: 'asked-already',
    });
  });

  it('Messenger: has_permission (either casing, bare or as an edge) lets us call; otherwise we may ask', () => {
    const edge = msgrCallPermissionsReplySchema.parse({
      data: [{ permission: { status: 'HAS_PERMISSION' } }],
    });
    expect(permissionVerdict('messenger', edge)).toEqual({ kind: 'may-call' });
    const none = msgrCallPermissionsReplySchema.parse({ permission: { status: 'no_permission' } });
    expect(permissionVerdict('messenger', none)).toEqual({ kind: 'may-ask' });
    const limited = msgrCallPermissionsReplySchema.parse({
      permission: { status: 'has_permission' },
      actions: [{ action_name: 'start_call', can_perform: false }],
    });
    expect(permissionVerdict('messenger', limited)).toEqual({ kind: 'call-limit' });
  });

  it('Messenger: reads the fixture’s shape (can_perform_action, max_allowed_per_user)', () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL(
          '../../../../../../shared/fixtures/messenger/call-permissions-reply.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as { permission: { status: string }; actions: Array<Record<string, unknown>> };
    expect(permissionVerdict('messenger', msgrCallPermissionsReplySchema.parse(fixture))).toEqual({
      kind: 'may-call',
    });
    // the same shape without permission, once both of today's requests are used up
    const asked = {
      permission: { status: 'no_permission' },
      actions: fixture.actions.filter((a) => a.action_name === 'send_call_permission_request'),
    };
    expect(permissionVerdict('messenger', msgrCallPermissionsReplySchema.parse(asked))).toEqual({
      kind: 'asked-already',
    });
  });
});
