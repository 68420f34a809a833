import { metaErrorEnvelopeSchema } from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaSim } from '../create-meta-sim';
import { DEFAULT_APP_SECRET, DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER } from '../engine/config';
import { SIM_APP_ID } from '../engine/setup';
import { startWhatsAppSim, type TestGraphClient } from './test-client';

let sim: MetaSim;
let graph: TestGraphClient;

afterEach(async () => {
  await sim.close();
});

const number = DEMO_WHATSAPP_NUMBER;
const page = DEMO_MESSENGER_PAGE;
const appToken = `${SIM_APP_ID}|${DEFAULT_APP_SECRET}`;
const error = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error;
const debug = (input: string, token: string | null = input) =>
  graph.raw(`/debug_token?input_token=${encodeURIComponent(input)}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });

describe('the set-up reads an installation checks itself with', () => {
  it('by default: valid tokens for their own WABA and Page, subscribed apps and fields, limit 2K', async () => {
    ({ sim, graph } = await startWhatsAppSim());

    expect((await debug(number.accessToken)).body).toMatchObject({
      data: {
        app_id: SIM_APP_ID,
        type: 'SYSTEM_USER',
        is_valid: true,
        expires_at: 0,
        scopes: expect.arrayContaining(['whatsapp_business_messaging']),
        granular_scopes: expect.arrayContaining([
          { scope: 'whatsapp_business_messaging', target_ids: [number.wabaId] },
        ]),
      },
    });
    expect((await debug(page.accessToken)).body).toMatchObject({
      data: {
        type: 'PAGE',
        profile_id: page.pageId,
        is_valid: true,
        granular_scopes: expect.arrayContaining([
          { scope: 'pages_messaging', target_ids: [page.pageId] },
        ]),
      },
    });

    const waba = await graph.get(number.wabaId, 'subscribed_apps');
    expect(waba).toMatchObject({
      status: 200,
      body: { data: [{ whatsapp_business_api_data: { id: SIM_APP_ID } }] },
    });
    const pageApps = await graph.get(page.pageId, 'subscribed_apps', {}, page.accessToken);
    expect(pageApps.body).toMatchObject({
      data: [{ id: SIM_APP_ID, subscribed_fields: ['calls', 'messages', 'call_permission_reply'] }],
    });
    const subscriptions = await graph.get(SIM_APP_ID, 'subscriptions', {}, appToken);
    expect(subscriptions.body).toMatchObject({
      data: [
        {
          object: 'whatsapp_business_account',
          active: true,
          fields: [{ name: 'calls' }, { name: 'messages' }],
        },
        { object: 'page', active: true },
      ],
    });
    const limit = await graph.raw(
      `/${number.phoneNumberId}?fields=whatsapp_business_manager_messaging_limit`,
      { headers: { authorization: `Bearer ${number.accessToken}` } },
    );
    expect(limit.body).toEqual({
      id: number.phoneNumberId,
      whatsapp_business_manager_messaging_limit: 'TIER_2K',
    });
  });

  it('an unknown token inspects as invalid; an expired one is refused everywhere with 190/463', async () => {
    ({ sim, graph } = await startWhatsAppSim({
      setup: { expiredTokens: [number.accessToken] },
    }));

    const unknown = await debug('EAAG-not-a-token', page.accessToken);
    expect(unknown).toMatchObject({
      status: 200,
      body: { data: { is_valid: false, error: { code: 190 } } },
    });
    const inspected = await debug(number.accessToken, page.accessToken);
    expect(inspected.body).toMatchObject({
      data: { is_valid: false, error: { code: 190, subcode: 463 } },
    });

    const asCaller = await debug(number.accessToken);
    expect([
      asCaller.status,
      error(asCaller.body).code,
      error(asCaller.body).error_subcode,
    ]).toEqual([401, 190, 463]);
    const settings = await graph.get(number.phoneNumberId, 'settings');
    expect([settings.status, error(settings.body).code]).toEqual([401, 190]);
  });

  it('each broken set-up reads as Meta would show it', async () => {
    ({ sim, graph } = await startWhatsAppSim({
      setup: {
        tokensLackingTarget: [number.accessToken],
        unsubscribedWabas: [number.wabaId],
        appFields: { whatsapp_business_account: ['messages'] },
        pageFields: { [page.pageId]: ['messages'] },
        messagingLimits: { [number.phoneNumberId]: 'TIER_250' },
        callingDisabled: [number.phoneNumberId],
        metaRingTarget: [page.pageId],
      },
    }));

    const inspected = (await debug(number.accessToken)).body as {
      data: { granular_scopes: Array<{ target_ids: string[] }> };
    };
    expect(inspected.data.granular_scopes.flatMap((g) => g.target_ids)).not.toContain(
      number.wabaId,
    );
    expect((await graph.get(number.wabaId, 'subscribed_apps')).body).toEqual({ data: [] });
    const subscriptions = (await graph.get(SIM_APP_ID, 'subscriptions', {}, appToken)).body;
    expect(subscriptions).toMatchObject({
      data: [{ object: 'whatsapp_business_account', fields: [{ name: 'messages' }] }, {}],
    });
    expect(
      (await graph.get(page.pageId, 'subscribed_apps', {}, page.accessToken)).body,
    ).toMatchObject({ data: [{ subscribed_fields: ['messages'] }] });
    const limit = await graph.raw(
      `/${number.phoneNumberId}?fields=whatsapp_business_manager_messaging_limit`,
      { headers: { authorization: `Bearer ${number.accessToken}` } },
    );
    expect(limit.body).toMatchObject({ whatsapp_business_manager_messaging_limit: 'TIER_250' });
    expect((await graph.get(number.phoneNumberId, 'settings')).body).toMatchObject({
      calling: { status: 'DISABLED' },
    });
    expect(
      (await graph.get(page.pageId, 'messenger_call_settings', {}, page.accessToken)).body,
    ).toMatchObject({ call_routing: { ring_target: 'META' } });
  });

  it('the app subscriptions need the app token; a WABA answers only its own numbers’ tokens', async () => {
    ({ sim, graph } = await startWhatsAppSim());

    const withUserToken = await graph.get(SIM_APP_ID, 'subscriptions');
    expect([withUserToken.status, error(withUserToken.body).code]).toEqual([400, 15]);
    const wrongSecret = await graph.get(SIM_APP_ID, 'subscriptions', {}, `${SIM_APP_ID}|nope`);
    expect(error(wrongSecret.body).code).toBe(15);
    const pageTokenOnWaba = await graph.get(number.wabaId, 'subscribed_apps', {}, page.accessToken);
    expect([pageTokenOnWaba.status, error(pageTokenOnWaba.body).code]).toEqual([400, 100]);
  });

  it('installs the app on a WABA and on a Page with the two POSTs, and reads the result back', async () => {
    ({ sim, graph } = await startWhatsAppSim({
      setup: { unsubscribedWabas: [number.wabaId], pageFields: { [page.pageId]: [] } },
    }));
    expect((await graph.get(number.wabaId, 'subscribed_apps')).body).toEqual({ data: [] });

    const waba = await graph.post(number.wabaId, 'subscribed_apps', undefined);
    expect(waba).toMatchObject({ status: 200, body: { success: true } });
    expect((await graph.get(number.wabaId, 'subscribed_apps')).body).toMatchObject({
      data: [{ whatsapp_business_api_data: { id: SIM_APP_ID } }],
    });

    const install = (fields: string | null, token = page.accessToken) =>
      graph.raw(
        `/${page.pageId}/subscribed_apps${fields === null ? '' : `?subscribed_fields=${fields}`}`,
        { method: 'POST', headers: { authorization: `Bearer ${token}` } },
      );
    expect(await install('calls,call_permission_reply')).toMatchObject({
      status: 200,
      body: { success: true },
    });
    expect(
      (await graph.get(page.pageId, 'subscribed_apps', {}, page.accessToken)).body,
    ).toMatchObject({
      data: [{ id: SIM_APP_ID, subscribed_fields: ['calls', 'call_permission_reply'] }],
    });

    // refused, and nothing changes: no fields, an unknown field, another asset's token
    const none = await install(null);
    expect([none.status, error(none.body).code]).toEqual([400, 100]);
    const unknown = await install('calls,caller_id');
    expect([unknown.status, error(unknown.body).code]).toEqual([400, 100]);
    expect(error(unknown.body).message).toContain('caller_id');
    const wrongToken = await install('messages', number.accessToken);
    expect([wrongToken.status, error(wrongToken.body).code]).toEqual([400, 100]);
    const pageTokenOnWaba = await graph.post(
      number.wabaId,
      'subscribed_apps',
      undefined,
      page.accessToken,
    );
    expect([pageTokenOnWaba.status, error(pageTokenOnWaba.body).code]).toEqual([400, 100]);
    expect(
      (await graph.get(page.pageId, 'subscribed_apps', {}, page.accessToken)).body,
    ).toMatchObject({ data: [{ subscribed_fields: ['calls', 'call_permission_reply'] }] });
  });
});
