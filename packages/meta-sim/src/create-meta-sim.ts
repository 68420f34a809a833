import { signMetaPayload } from '@ringside/contracts/signature';
import express, { type Router } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallHandle, type CallHandle } from './engine/call-handle';
import { CallingSettingsBook } from './engine/calling-settings';
import { MessengerCallSettingsBook, type RingTarget } from './engine/messenger-call-settings';
import { CallStore } from './engine/call-store';
import { resolveConfig, type CalleeBehaviour, type MetaSimOptions } from './engine/config';
import { calleeBehaviour, type EngineContext } from './engine/context';
import { endCall } from './engine/end-call';
import { grantFromProfile } from './engine/permission-changes';
import { PermissionBook, type PermissionStatus } from './engine/permissions';
import { placeCall, type PlaceCallOptions } from './engine/place-call';
import { isLive, snapshot, type Channel, type SimCallSnapshot } from './engine/sim-call';
import { TimerSet } from './engine/timers';
import { GraphFaults, type GraphFault } from './graph/faults';
import { createGraphRouter } from './graph/router';
import { RequestLog, type RecordedRequest, type RequestFilter } from './graph/request-log';
import { lazyWeriftMediaFactory } from './engine/lazy-media';
import type { DeliveryFilter, WebhookDelivery } from './webhooks/delivery-record';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { ServiceWindowBook } from './engine/service-window';

/** a permission to set directly, skipping the request flow */
export interface PermissionGrant {
  channel?: Channel;
  /** phone number id or page id; the first configured one when left out */
  businessId?: string;
  /** wa_id or PSID */
  userId: string;
  /** Messenger knows only granted or not: temporary and permanent both mean has_permission */
  status: PermissionStatus;
  /** epoch ms; temporary only; default 7 days from now */
  expiresAt?: number;
}

/** Meta in a box: see {@link createMetaSim} */
export interface MetaSim {
  /** the Graph API emulator; mount it anywhere (`app.use('/graph', sim.router)`) */
  readonly router: Router;
  /** the Graph version the simulator reports, e.g. `v24.0` */
  readonly graphVersion: string;
  /** serves the router alone; resolves with the base URL (`http://127.0.0.1:4010`) */
  listen(port?: number, host?: string): Promise<string>;
  /** a user calls the business */
  placeCall(options: PlaceCallOptions): Promise<CallHandle>;
  /** any call by id, business-initiated ones included */
  call(id: string): CallHandle | undefined;
  calls(): SimCallSnapshot[];
  /** Graph requests answered, in order */
  requests(filter?: RequestFilter): RecordedRequest[];
  /** webhook deliveries, each with its attempts */
  deliveries(filter?: DeliveryFilter): WebhookDelivery[];
  setPermission(grant: PermissionGrant): void;
  /**
   * a WhatsApp user allows calls for good from the business profile: a permanent permission
   * and a `call_permission_reply` webhook without `context`
   */
  grantFromProfile(grant: { userId: string; businessId?: string; name?: string }): void;
  /**
   * the next Graph request(s) matching `edge`/`action` are refused with Meta's `code` at the
   * HTTP status Meta gives it (138007 → 500, 613 → 429): for testing a client's error handling
   */
  failNextRequest(fault: GraphFault): void;
  /** how one user answers business-initiated calls */
  setCallee(userId: string, behaviour: Partial<CalleeBehaviour>): void;
  /**
   * where a Page's calls ring (Meta Business Suite's call routing; Graph writes only the icon):
   * with `META`, users' calls to the Page never reach the app
   */
  setMessengerRingTarget(ringTarget: RingTarget, pageId?: string): void;
  /** where later webhooks go; null records them without sending */
  setWebhookUrl(url: string | null): void;
  /** resolves once no webhook waits or is being sent */
  webhooksSettled(): Promise<void>;
  /** ends every call (no webhooks), stops timers and deliveries, closes the listener */
  close(): Promise<void>;
}

/**
 * Creates the simulator: Meta's Graph API for calling, Meta's call rules and timeouts, signed
 * webhooks to your URL, and a real WebRTC caller. Nothing is global; several can run at once.
 *
 * @example
 * const sim = createMetaSim({ webhookUrl: 'http://127.0.0.1:3000/webhooks/meta', appSecret: 's3cret' });
 * const graphBase = await sim.listen(0); // point GRAPH_API_BASE_URL here
 * const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul' });
 * await call.waitFor('accepted', { timeoutMs: 30_000 });
 * await sim.close();
 */
export function createMetaSim(options: MetaSimOptions = {}): MetaSim {
  const config = resolveConfig(options);
  const store = new CallStore(config.emit);
  const dispatcher = new WebhookDispatcher({
    url: config.webhookUrl,
    sign: (body) => signMetaPayload(body, config.appSecret),
    retry: config.retry,
    injection: config.injection,
    random: config.random,
    emit: config.emit,
  });
  const ctx: EngineContext = {
    config,
    media: options.media ?? lazyWeriftMediaFactory(),
    store,
    permissions: new PermissionBook(config.now),
    serviceWindows: new ServiceWindowBook(config.now),
    settings: new CallingSettingsBook(),
    messengerSettings: new MessengerCallSettingsBook(),
    timers: new TimerSet(),
    send: (event) => dispatcher.enqueue(event),
    cleanups: new Map(),
    callees: new Map(),
    mediaFiles: new Map(),
  };
  // the set-up's starting settings: calling off on some numbers, some Pages ringing in Meta's apps
  for (const id of config.setup.callingDisabled) ctx.settings.update(id, { status: 'DISABLED' });
  for (const id of config.setup.metaRingTarget)
    ctx.messengerSettings.update(id, { ringTarget: 'META' });
  const log = new RequestLog();
  const faults = new GraphFaults();
  const router = createGraphRouter(ctx, log, faults);
  let server: Server | null = null;
  let closed = false;

  const businessFor = (channel: Channel, businessId?: string): string => {
    const fallback =
      channel === 'whatsapp' ? config.numbers[0]?.phoneNumberId : config.pages[0]?.pageId;
    const id = businessId ?? fallback;
    if (id === undefined) throw new Error(`no ${channel} channel is configured`);
    return id;
  };

  return {
    router,
    graphVersion: config.graphVersion,
    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('the simulator is already listening');
      if (closed) throw new Error('the simulator is closed');
      const app = express();
      app.disable('x-powered-by');
      app.use(router);
      const listening = createServer(app);
      server = listening;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      const address = listening.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      return `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`;
    },
    async placeCall(placed) {
      if (closed) throw new Error('the simulator is closed');
      return placeCall(ctx, placed);
    },
    call(id) {
      const call = store.get(id);
      return call ? createCallHandle(ctx, call) : undefined;
    },
    calls: () => store.all().map(snapshot),
    requests: (filter) => log.list(filter),
    deliveries: (filter) => dispatcher.deliveries(filter),
    setPermission(grant) {
      const channel = grant.channel ?? 'whatsapp';
      const businessId = businessFor(channel, grant.businessId);
      ctx.permissions.set(channel, businessId, grant.userId, grant.status, grant.expiresAt);
      config.emit({
        type: 'permission',
        channel,
        businessId,
        userId: grant.userId,
        status: grant.status,
      });
    },
    grantFromProfile({ userId, businessId, name }) {
      const id = businessFor('whatsapp', businessId);
      grantFromProfile(ctx, id, userId, name ?? calleeBehaviour(ctx, userId).name ?? 'Sim Callee');
    },
    failNextRequest: (fault) => faults.add(fault),
    setMessengerRingTarget(ringTarget, pageId) {
      ctx.messengerSettings.update(businessFor('messenger', pageId), { ringTarget });
    },
    setCallee(userId, behaviour) {
      ctx.callees.set(userId, { ...ctx.callees.get(userId), ...behaviour });
    },
    setWebhookUrl: (url) => dispatcher.setUrl(url),
    webhooksSettled: () => dispatcher.settled(),
    async close() {
      if (closed) return;
      closed = true;
      const live = store.all().filter(isLive);
      await Promise.allSettled(
        live.map((call) => store.serial(call.id, () => endCall(ctx, call, 'sim-closed'))),
      );
      ctx.timers.clear();
      await dispatcher.close();
      const listening = server;
      server = null;
      if (listening) {
        listening.closeAllConnections();
        await new Promise<void>((resolve) => listening.close(() => resolve()));
      }
    },
  };
}
