import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doctorReportSchema, type DoctorReport } from '@ringside/contracts';
import {
  createMetaSim,
  DEMO_MESSENGER_PAGE,
  DEMO_WHATSAPP_NUMBER,
  type MetaSimOptions,
} from '@ringside/meta-sim';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../ops/logger';
import { OPEN_TIMEOUT_MS } from '../testing/test-databases';
import { json, ringside, type Run } from '../testing/ringside-runs';
import { createMetaWebhookRouter } from '../webhooks/meta-webhook-router';

// `pnpm ringside doctor` against the simulator on port 0: the healthy set-up exits 0, and each
// broken one Meta can show produces its message and exit 1
const APP_SECRET = 'doctor-test-app-secret-0123456789';
const VERIFY_TOKEN = 'doctor-verify-token-42';
const number = DEMO_WHATSAPP_NUMBER;
const page = DEMO_MESSENGER_PAGE;

const root = mkdtempSync(join(tmpdir(), 'ringside-doctor-'));
const dataDir = join(root, 'data');
let receiver: Server;
let receiverOrigin: string;

beforeAll(async () => {
  // the public webhook URL: Meta's verification answered as the server answers it
  const app = express();
  app.use(
    '/webhooks/meta',
    createMetaWebhookRouter({
      secrets: () => ({ appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN }),
      post: (_req, res) => void res.writeHead(200).end(),
      logger: createLogger('silent'),
    }),
  );
  receiver = createServer(app);
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverOrigin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const env = { DATA_DIR: dataDir };
  const workspace = json(await ringside(['workspace', 'add', '--name', 'Acme'], env));
  const id = String(workspace['id']);
  json(
    await ringside(
      [
        ...['channel', 'add', 'whatsapp', '--workspace', id, '--name', 'Support line'],
        ...['--phone-number-id', number.phoneNumberId, '--waba-id', number.wabaId],
        ...[
          '--display-number',
          `+${number.displayPhoneNumber}`,
          '--access-token',
          number.accessToken,
        ],
      ],
      env,
    ),
  );
  json(
    await ringside(
      [
        ...['channel', 'add', 'messenger', '--workspace', id, '--page-id', page.pageId],
        ...['--name', 'Acme Page', '--access-token', page.accessToken],
      ],
      env,
    ),
  );
}, OPEN_TIMEOUT_MS);

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

/** one doctor run against a fresh simulator set up with `options` */
async function doctor(
  options: MetaSimOptions,
  extra: Record<string, string> = {},
  args: string[] = ['--json'],
): Promise<Run & { report?: DoctorReport }> {
  const sim = createMetaSim({ appSecret: APP_SECRET, webhookUrl: null, ...options });
  try {
    const graphBase = await sim.listen(0);
    const run = await ringside(['doctor', ...args], {
      DATA_DIR: dataDir,
      SIMULATOR: 'off',
      META_APP_SECRET: APP_SECRET,
      META_VERIFY_TOKEN: VERIFY_TOKEN,
      GRAPH_API_BASE_URL: graphBase,
      GRAPH_API_VERSION: sim.graphVersion,
      PUBLIC_ORIGIN: receiverOrigin,
      TURN_URLS: 'turn:turn.example.com:3478',
      TURN_SECRET: 'a-turn-secret-of-16-chars',
      ...extra,
    });
    for (const secret of [number.accessToken, page.accessToken, APP_SECRET, VERIFY_TOKEN]) {
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
    if (!args.includes('--json')) return run;
    return { ...run, report: doctorReportSchema.parse(JSON.parse(run.stdout)) };
  } finally {
    await sim.close();
  }
}

/** the one check with this id (for this channel kind, or the installation's) */
function check(report: DoctorReport | undefined, id: string, kind?: 'whatsapp' | 'messenger') {
  const found = report?.checks.filter((c) => c.id === id && c.channel?.kind === kind);
  expect(found, `${id} ${kind ?? 'installation'}`).toHaveLength(1);
  return found![0]!;
}

describe('pnpm ringside doctor', () => {
  it(
    'a healthy set-up: every check ok but http on this machine (a warning), exit 0',
    async () => {
      const run = await doctor({});
      expect(run.code).toBe(0);
      expect(run.report?.callsCanFlow).toBe(true);
      const notOk = run.report?.checks
        .filter((c) => c.status !== 'ok')
        .map((c) => [c.id, c.status]);
      expect(notOk).toEqual([['public-origin', 'warn']]);
      expect(run.report?.checks.map((c) => `${c.channel?.kind ?? '-'} ${c.id}`)).toEqual([
        'whatsapp token',
        'whatsapp token-target',
        'whatsapp webhook-subscription',
        'whatsapp webhook-fields',
        'whatsapp calling-enabled',
        'whatsapp messaging-limit',
        'messenger token',
        'messenger token-target',
        'messenger webhook-subscription',
        'messenger webhook-fields',
        'messenger ring-target',
        '- public-origin',
        '- turn',
        '- webhook-reachable',
      ]);
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'prints one line per check grouped by channel, with the fix under each problem',
    async () => {
      const run = await doctor({ setup: { callingDisabled: [number.phoneNumberId] } }, {}, []);
      expect(run.code).toBe(1);
      const lines = run.stdout.trim().split('\n');
      expect(lines[0]).toBe(`WhatsApp · Support line (${lines[0]?.match(/\((.+)\)$/)?.[1]})`);
      const calling = lines.findIndex((l) => l.includes('calling-enabled'));
      expect(lines[calling]).toMatch(/^ {2}FAIL {2}calling-enabled +Calling is switched off/);
      expect(lines[calling + 1]).toMatch(/^ {8}fix: Turn calling on/);
      expect(lines).toContain('This installation');
      expect(lines.at(-1)).toMatch(
        /^Calls cannot flow until the failed checks are fixed \(1 failed/,
      );
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'each broken set-up Meta shows produces its own message, exit 1',
    async () => {
      const run = await doctor({
        setup: {
          tokensLackingTarget: [number.accessToken],
          unsubscribedWabas: [number.wabaId],
          messagingLimits: { [number.phoneNumberId]: 'TIER_250' },
          callingDisabled: [number.phoneNumberId],
          pageFields: { [page.pageId]: ['messages'] },
          metaRingTarget: [page.pageId],
        },
      });
      expect(run.code).toBe(1);
      expect(run.report?.callsCanFlow).toBe(false);
      const { report } = run;
      expect(check(report, 'token-target', 'whatsapp').message).toBe(
        `This channel’s access token is not allowed for this number’s WhatsApp Business Account (${number.wabaId}) (whatsapp_business_messaging, whatsapp_business_management).`,
      );
      expect(check(report, 'webhook-subscription', 'whatsapp').message).toBe(
        `No app is subscribed to this number’s WhatsApp Business Account (${number.wabaId}), so Meta sends its calls to no one.`,
      );
      expect(check(report, 'calling-enabled', 'whatsapp').message).toBe(
        'Calling is switched off on this number: WhatsApp users cannot call it and it cannot call them.',
      );
      expect(check(report, 'messaging-limit', 'whatsapp').message).toContain(
        'messaging limit is 250 a day; Meta’s Calling API needs at least 2,000',
      );
      expect(check(report, 'webhook-subscription', 'messenger').message).toBe(
        'The Page’s subscription lacks calls, call_permission_reply: Meta does not send those webhooks.',
      );
      expect(check(report, 'ring-target', 'messenger').message).toBe(
        'The Page’s calls ring in Meta’s own apps (META), so they never reach Ringside.',
      );
      for (const c of report?.checks.filter((c) => c.status === 'fail') ?? []) {
        expect(c.fix, c.id).toEqual(expect.any(String));
      }
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'an expired token, and a token Meta does not know: the token fails, the rest is skipped',
    async () => {
      const expired = await doctor({ setup: { expiredTokens: [number.accessToken] } });
      expect(expired.code).toBe(1);
      expect(expired.report?.checks.filter((c) => c.channel?.kind === 'whatsapp')).toEqual([
        expect.objectContaining({
          id: 'token',
          status: 'fail',
          message:
            'Meta refuses this channel’s access token: it has expired. No call can be answered or placed with it.',
        }),
      ]);
      const unknown = await doctor({ pages: [{ ...page, accessToken: 'another-page-token' }] });
      expect(unknown.code).toBe(1);
      expect(check(unknown.report, 'token', 'messenger').message).toBe(
        'Meta refuses this channel’s access token: it is invalid or was revoked. No call can be answered or placed with it.',
      );
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'the app lacks the calls field; the app secret is wrong; the webhook URL refuses the verify token',
    async () => {
      const fields = await doctor({
        setup: { appFields: { whatsapp_business_account: ['messages'] } },
      });
      expect(fields.code).toBe(1);
      expect(check(fields.report, 'webhook-fields', 'whatsapp').message).toBe(
        'The app is not subscribed to the calls webhook field: Meta does not send that to Ringside.',
      );
      expect(check(fields.report, 'webhook-fields', 'messenger').status).toBe('ok');

      const wrong = await doctor(
        {},
        { META_APP_SECRET: 'not-the-app-secret-at-all', META_VERIFY_TOKEN: 'another-token' },
      );
      expect(wrong.code).toBe(1);
      expect(check(wrong.report, 'webhook-fields', 'whatsapp').message).toContain(
        'Meta does not accept the app secret Ringside has',
      );
      expect(check(wrong.report, 'webhook-reachable').message).toBe(
        `The webhook URL ${receiverOrigin}/webhooks/meta refused the verify token: the server there has another META_VERIFY_TOKEN.`,
      );
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'no TURN and an origin nobody answers: a warning and a failure',
    async () => {
      const run = await doctor(
        {},
        { TURN_URLS: '', TURN_SECRET: '', PUBLIC_ORIGIN: 'http://127.0.0.1:9' },
      );
      expect(run.code).toBe(1);
      expect(check(run.report, 'turn').status).toBe('warn');
      expect(check(run.report, 'webhook-reachable')).toMatchObject({
        status: 'fail',
        message:
          'The webhook URL http://127.0.0.1:9/webhooks/meta could not be reached from here (connection failed).',
      });
    },
    OPEN_TIMEOUT_MS,
  );
});
