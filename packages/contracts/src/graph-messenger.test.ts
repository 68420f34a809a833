import { describe, expect, it } from 'vitest';
import {
  msgrAcceptBodySchema,
  msgrAcceptReplySchema,
  msgrCallActionBodySchema,
  msgrCallPermissionsReplySchema,
  msgrConnectBodySchema,
  msgrConnectReplySchema,
  msgrMediaUpdateBodySchema,
  msgrMediaUpdateReplySchema,
  msgrSuccessReplySchema,
} from './graph-messenger';
import { loadFixture } from './test-fixtures';

const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n';
const offer = { sdp_type: 'offer', sdp };

describe('POST /{page-id}/calls bodies', () => {
  it('accepts accept with our offer, with or without platform', () => {
    const body = { action: 'accept', call_id: 'c_1', session: offer };
    expect(msgrAcceptBodySchema.parse(body)).toEqual(body);
    expect(msgrAcceptBodySchema.parse({ ...body, platform: 'messenger' }).platform).toBe(
      'messenger',
    );
    expect(msgrAcceptBodySchema.safeParse({ ...body, platform: 'whatsapp' }).success).toBe(false);
  });

  it('refuses accept without a session or with an answer, since we make the offer', () => {
    expect(
      msgrAcceptBodySchema.safeParse({ action: 'accept', call_id: 'c_1' }).error?.issues[0]?.path,
    ).toEqual(['session']);
    const answer = { action: 'accept', call_id: 'c_1', session: { sdp_type: 'answer', sdp } };
    expect(msgrAcceptBodySchema.safeParse(answer).success).toBe(false);
  });

  it('refuses connect without `to`', () => {
    expect(
      msgrConnectBodySchema.safeParse({ action: 'connect', session: offer }).error?.issues[0]?.path,
    ).toEqual(['to']);
  });

  it('accepts a media_update with versions and tracks, refusing a negative version', () => {
    const body = {
      action: 'media_update',
      call_id: 'c_1',
      from_version: 1,
      to_version: 2,
      tracks: [{ msid: 'mic', label: 'audio', status: 'active' }],
      session: { sdp_type: 'answer', sdp },
    };
    expect(msgrMediaUpdateBodySchema.parse(body)).toEqual(body);
    expect(msgrMediaUpdateBodySchema.safeParse({ ...body, from_version: -1 }).success).toBe(false);
    expect(msgrMediaUpdateBodySchema.safeParse({ ...body, to_version: 1.5 }).success).toBe(false);
  });

  it('tells actions apart', () => {
    expect(msgrCallActionBodySchema.parse({ action: 'reject', call_id: 'c_1' }).action).toBe(
      'reject',
    );
    expect(msgrCallActionBodySchema.parse({ action: 'terminate', call_id: 'c_1' }).action).toBe(
      'terminate',
    );
    expect(
      msgrCallActionBodySchema.safeParse({ action: 'pre_accept', call_id: 'c_1' }).success,
    ).toBe(false);
  });
});

describe('Graph replies', () => {
  it('reads Meta’s answer and an optional renegotiation offer from accept', () => {
    const plain = msgrAcceptReplySchema.parse({
      success: true,
      session: { sdp_response: { sdp_type: 'answer', sdp } },
    });
    expect(plain.session.sdp_response.sdp).toBe(sdp);
    expect(plain.session.sdp_renegotiation).toBeUndefined();
    const reneg = msgrAcceptReplySchema.parse({
      success: true,
      session: { sdp_response: { sdp_type: 'answer', sdp }, sdp_renegotiation: offer },
    });
    expect(reneg.session.sdp_renegotiation?.sdp_type).toBe('offer');
  });

  it('reads the bare-string SDPs of the Consumer-initiated call flow page as typed sessions', () => {
    const reply = msgrAcceptReplySchema.parse({
      success: true,
      session: { sdp_response: sdp, sdp_renegotiation: sdp },
    });
    expect(reply.session.sdp_response).toEqual({ sdp_type: 'answer', sdp });
    expect(reply.session.sdp_renegotiation).toEqual({ sdp_type: 'offer', sdp });
    expect(
      msgrAcceptReplySchema.safeParse({ success: true, session: { sdp_response: '' } }).success,
    ).toBe(false);
  });

  it('refuses an accept reply whose sdp_response is an offer', () => {
    expect(
      msgrAcceptReplySchema.safeParse({ success: true, session: { sdp_response: offer } }).success,
    ).toBe(false);
  });

  it('reads success, connect and media_update replies', () => {
    expect(msgrSuccessReplySchema.safeParse({ success: true }).success).toBe(true);
    expect(msgrSuccessReplySchema.safeParse({ success: 'true' }).success).toBe(false);
    const connect = msgrConnectReplySchema.parse({
      success: true,
      id: 'c_9',
      session: { sdp_response: { sdp_type: 'answer', sdp } },
    });
    expect(connect.id).toBe('c_9');
    // a version mismatch can come back with an empty SDP: still a readable reply
    const empty = msgrMediaUpdateReplySchema.parse({
      success: true,
      session: { sdp_response: { sdp_type: 'answer', sdp: '' } },
    });
    expect(empty.session?.sdp_response?.sdp).toBe('');
  });

  it('reads call permissions in the bare and the Graph-edge forms', () => {
    const bare = msgrCallPermissionsReplySchema.parse({
      permission: { status: 'has_permission', expiration_time: 1745343479 },
      actions: [{ action_name: 'start_call', can_perform: true }],
    });
    expect(bare.permission.status).toBe('has_permission');
    const edge = msgrCallPermissionsReplySchema.parse({
      data: [{ permission: { status: 'NO_PERMISSION' } }],
    });
    expect(edge.permission.status).toBe('no_permission');
    expect(msgrCallPermissionsReplySchema.safeParse({ data: [] }).success).toBe(false);
    expect(
      msgrCallPermissionsReplySchema.safeParse({ permission: { status: 'maybe' } }).success,
    ).toBe(false);
  });

  it('reads the fixture’s can_perform_action / max_allowed_per_user as can_perform / max_allowed', () => {
    const reply = msgrCallPermissionsReplySchema.parse(
      loadFixture('messenger/call-permissions-reply.json'),
    );
    expect(reply.permission).toMatchObject({
      status: 'has_permission',
      expiration_time: 1745343479,
    });
    expect(reply.actions).toEqual([
      expect.objectContaining({
        action_name: 'send_call_permission_request',
        can_perform: false,
        limits: [
          expect.objectContaining({ time_period: 'PT24H', max_allowed: 2, current_usage: 1 }),
        ],
      }),
      expect.objectContaining({ action_name: 'start_call', can_perform: true }),
    ]);
  });

  it('reads Meta’s example (can_perform, max_allowed) as it is, and refuses an action without a verdict', () => {
    const reply = msgrCallPermissionsReplySchema.parse({
      permission: { status: 'no_permission' },
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform: true,
          limits: [{ time_period: 'PT24H', max_allowed: 2, current_usage: 0 }],
        },
      ],
    });
    expect(reply.actions?.[0]?.limits?.[0]?.max_allowed).toBe(2);
    expect(
      msgrCallPermissionsReplySchema.safeParse({
        permission: { status: 'no_permission' },
        actions: [{ action_name: 'start_call' }],
      }).success,
    ).toBe(false);
  });
});
