import type { CallMediaListReply, CallTranscript } from '@ringside/contracts/call-media';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { callMedia } from '../db/schema';
import { businessAnswerFor, businessOffer } from '../testing/business-sdp';
import { command, nextEvent, useStack, waitUntil, type ConsoleSocket } from '../testing/test-stack';

// the worker runs only when a test says so (runOnce), never on its own timer
const stack = useStack({
  mediaWorker: { periodMs: 3_600_000, maxAttempts: 2, retry: { baseMs: 1, maxMs: 1 } },
  sim: { callee: { answer: 'accept', pickupDelayMs: 200 } },
});

async function setPolicy(
  ws: { id: string; whatsappChannelId: string },
  capture: 'off' | 'record' | 'transcribe' | 'both',
): Promise<void> {
  await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
    mediaCapture: capture,
    mediaPurpose: 'quality assurance',
    mediaAnnouncementLanguage: 'en_US',
    mediaRetentionDays: 30,
  });
}

/** a WhatsApp call the agent answered, still up: our call id and the simulator's call */
async function liveCall(phoneNumberId: string, socket: ConsoleSocket) {
  const ringing = nextEvent(socket, 'call:ringing');
  const call = await stack().sim.placeCall({
    channel: 'whatsapp',
    name: 'Rahul',
    to: phoneNumberId,
  });
  const ring = await ringing;
  expect(await command(socket, 'call:accept', { callId: ring.callId })).toEqual({ ok: true });
  const sdp = businessAnswerFor(ring.sdpOffer ?? '');
  expect(await command(socket, 'call:answer', { callId: ring.callId, sdp })).toEqual({ ok: true });
  await call.waitFor('accepted');
  return { callId: ring.callId, call };
}

/** a WhatsApp call answered by the agent and then hung up by the caller; our call id */
async function answeredCall(phoneNumberId: string, socket: ConsoleSocket): Promise<string> {
  const { callId, call } = await liveCall(phoneNumberId, socket);
  await call.hangUp();
  await stack().settled();
  return callId;
}

function acceptBody(phoneNumberId: string): Record<string, unknown> | undefined {
  return stack()
    .sim.requests()
    .filter((r) => r.method === 'POST' && r.path.includes(phoneNumberId))
    .map((r) => r.body as Record<string, unknown>)
    .find((b) => b['action'] === 'accept');
}

describe('recording and transcription by Meta', () => {
  it('opts an answered call in on accept, fetches both files after the call and serves them to who may see the call', async () => {
    const ws = await stack().workspace();
    await setPolicy(ws, 'both');
    const agent = await ws.agent('Asha');
    const callId = await answeredCall(ws.phoneNumberId, agent.socket);

    const opted = {
      status: 'ENABLED',
      purpose: 'quality assurance',
      announcement_language: 'en_US',
    };
    expect(acceptBody(ws.phoneNumberId)).toMatchObject({ recording: opted, transcription: opted });
    const row = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(row?.call.mediaCapture).toBe('both');

    await waitUntil(
      'the media webhook is noted',
      async () => (await stack().app.repos.callMedia.listForCall(ws.id, callId)).length === 2,
    );
    expect(await stack().app.mediaWorker.runOnce()).toMatchObject({ fetched: 2 });

    const cookie = await stack().signIn(agent.email);
    const media = (await (
      await stack().request(cookie, `/api/calls/${callId}/media`)
    ).json()) as CallMediaListReply;
    expect(media.items).toEqual([
      expect.objectContaining({ kind: 'recording', status: 'stored', mimeType: 'audio/ogg' }),
      expect.objectContaining({
        kind: 'transcript',
        status: 'stored',
        mimeType: 'application/json',
      }),
    ]);

    const whole = await stack().request(cookie, `/api/calls/${callId}/recording`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.toString('ascii', 0, 4)).toBe('OggS');
    expect(bytes.toString('ascii', 28, 36)).toBe('OpusHead');

    const part = await stack().request(cookie, `/api/calls/${callId}/recording`, {
      headers: { range: 'bytes=10-19' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(10, 20));
    const beyond = await stack().request(cookie, `/api/calls/${callId}/recording`, {
      headers: { range: `bytes=${bytes.length}-` },
    });
    expect(beyond.status).toBe(416);

    const download = await stack().request(cookie, `/api/calls/${callId}/recording?download=1`);
    expect(download.headers.get('content-disposition')).toContain('attachment');

    const transcriptRes = await stack().request(cookie, `/api/calls/${callId}/transcript`);
    const transcript = (await transcriptRes.json()) as CallTranscript;
    expect(transcript.segments[0]).toMatchObject({
      speaker: 'user',
      text: 'Hello, I am calling about my order.',
    });

    const audit = await stack().app.repos.auditLog.listEntries(ws.id, { limit: 20 });
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'call.recording.download',
      'call.recording.play',
      'call.transcript.view',
    ]);
    expect(audit.items.every((e) => e.targetId === callId && e.actorId === agent.id)).toBe(true);

    // the access token Meta's download needs never reaches the console
    expect(JSON.stringify(media) + JSON.stringify(transcript)).not.toContain(ws.accessTokens[0]);
  });

  it('answers 404 to an agent of another workspace, and to a colleague who did not take the call', async () => {
    const ws = await stack().workspace();
    await setPolicy(ws, 'record');
    const agent = await ws.agent('Asha');
    const callId = await answeredCall(ws.phoneNumberId, agent.socket);
    await waitUntil(
      'the media webhook is noted',
      async () => (await stack().app.repos.callMedia.listForCall(ws.id, callId)).length === 1,
    );
    await stack().app.mediaWorker.runOnce();

    const other = await stack().workspace();
    const outsider = await other.addUser('agent');
    const colleague = await ws.addUser('agent');
    for (const email of [outsider.email, colleague.email]) {
      const cookie = await stack().signIn(email);
      for (const path of ['media', 'recording', 'transcript']) {
        expect((await stack().request(cookie, `/api/calls/${callId}/${path}`)).status).toBe(404);
      }
    }
  });

  it('sends no recording object when the line records nothing', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const callId = await answeredCall(ws.phoneNumberId, agent.socket);
    const body = acceptBody(ws.phoneNumberId);
    expect(body).toBeDefined();
    expect(body).not.toHaveProperty('recording');
    expect(body).not.toHaveProperty('transcription');
    expect(await stack().app.repos.callMedia.listForCall(ws.id, callId)).toEqual([]);
  });

  it('opts a business-initiated call in on connect', async () => {
    const ws = await stack().workspace();
    await setPolicy(ws, 'transcribe');
    const agent = await ws.agent();
    stack().sim.setPermission({
      businessId: ws.phoneNumberId,
      userId: '447700900555',
      status: 'temporary',
    });
    const ack = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: '+447700900555',
      sdp: businessOffer(),
    });
    expect(ack.ok).toBe(true);
    const connect = stack()
      .sim.requests()
      .map((r) => (r.body ?? {}) as Record<string, unknown>)
      .find((b) => b['action'] === 'connect');
    expect(connect).toMatchObject({
      transcription: { status: 'ENABLED', announcement_language: 'en_US' },
    });
    expect(connect).not.toHaveProperty('recording');
  });

  it('deletes the file when the line’s retention ends, keeping the row as expired', async () => {
    const ws = await stack().workspace();
    await setPolicy(ws, 'record');
    const agent = await ws.agent();
    const callId = await answeredCall(ws.phoneNumberId, agent.socket);
    await waitUntil(
      'the media webhook is noted',
      async () => (await stack().app.repos.callMedia.listForCall(ws.id, callId)).length === 1,
    );
    await stack().app.mediaWorker.runOnce();
    const [stored] = await stack().app.repos.callMedia.listForCall(ws.id, callId);
    expect(stored?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    await stack()
      .database.db.update(callMedia)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(callMedia.callId, callId));
    expect(await stack().app.mediaWorker.runOnce()).toMatchObject({ expired: 1 });
    const cookie = await stack().signIn(agent.email);
    expect((await stack().request(cookie, `/api/calls/${callId}/recording`)).status).toBe(404);
    const media = (await (
      await stack().request(cookie, `/api/calls/${callId}/media`)
    ).json()) as CallMediaListReply;
    expect(media.items).toEqual([
      expect.objectContaining({ kind: 'recording', status: 'expired' }),
    ]);
  });

  it('retries a fetch Meta cannot answer now, then shows it failed after the last try, keeping the media id', async () => {
    const ws = await stack().workspace();
    await setPolicy(ws, 'record');
    const agent = await ws.agent();
    const noted = async (callId: string) =>
      waitUntil(
        'the media webhook is noted',
        async () => (await stack().app.repos.callMedia.listForCall(ws.id, callId)).length === 1,
      );

    // Meta is rate limiting (613, HTTP 429): the Graph client's own 3 tries fail, the worker's next round gets it
    const first = await answeredCall(ws.phoneNumberId, agent.socket);
    await noted(first);
    stack().sim.failNextRequest({ code: 613, edge: 'media', times: 3 });
    await stack().app.mediaWorker.runOnce();
    const [waiting] = await stack().app.repos.callMedia.listForCall(ws.id, first);
    expect(waiting).toMatchObject({ status: 'awaiting', attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await stack().app.mediaWorker.runOnce();
    const [stored] = await stack().app.repos.callMedia.listForCall(ws.id, first);
    expect(stored).toMatchObject({ status: 'stored', attempts: 2, error: null });

    // unavailable through every try: failed, the webhook's media id kept
    const second = await answeredCall(ws.phoneNumberId, agent.socket);
    await noted(second);
    // the Graph client's 3 tries in each of the worker's 2 rounds, and no more: the stack is shared
    stack().sim.failNextRequest({ code: 613, edge: 'media', times: 6 });
    await stack().app.mediaWorker.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await stack().app.mediaWorker.runOnce();
    const [failed] = await stack().app.repos.callMedia.listForCall(ws.id, second);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed?.metaMediaId).toMatch(/^\d+$/);
    expect(failed?.error).toContain('Meta error 613');
  });

  it('gives up at once when the line’s token is refused, never writing the token down', async () => {
    const ws = await stack().workspace();
    await setPolicy(ws, 'record');
    const agent = await ws.agent();
    const callId = await answeredCall(ws.phoneNumberId, agent.socket);
    await waitUntil(
      'the media webhook is noted',
      async () => (await stack().app.repos.callMedia.listForCall(ws.id, callId)).length === 1,
    );
    const badToken = 'EAAG-not-a-token-meta-knows-0000000';
    await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
      accessToken: badToken,
    });
    await stack().app.mediaWorker.runOnce();
    const [row] = await stack().app.repos.callMedia.listForCall(ws.id, callId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.error).toContain('Meta error 190');
    expect(row?.error).not.toContain(badToken);
  });
});

describe('Meta reports the recording failed', () => {
  const failing = useStack({ sim: { callMedia: { fail: true } } });

  it('shows the failure in Meta’s words, with no file to fetch', async () => {
    const ws = await failing().workspace();
    await failing().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
      mediaCapture: 'record',
    });
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await failing().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await call.waitFor('accepted');
    await call.hangUp();
    await failing().settled();
    await waitUntil(
      'the media webhook is noted',
      async () =>
        (await failing().app.repos.callMedia.listForCall(ws.id, ring.callId)).length === 1,
    );
    const [row] = await failing().app.repos.callMedia.listForCall(ws.id, ring.callId);
    expect(row).toMatchObject({ status: 'failed', metaMediaId: null });
    expect(row?.error).toContain('Meta could not make the recording');
  });
});

describe('searching the call log by what was said', () => {
  it('finds calls whose transcript holds the words, any case, wildcards taken literally', async () => {
    const ws = await stack().workspace();
    await setPolicy(ws, 'transcribe');
    const agent = await ws.agent('Asha');
    const callId = await answeredCall(ws.phoneNumberId, agent.socket);
    // the worker's passes, as its timer would make them, until the transcript is kept
    await waitUntil('the transcript is stored', async () => {
      await stack().app.mediaWorker.runOnce();
      const rows = await stack().app.repos.callMedia.listForCall(ws.id, callId);
      return rows.length === 1 && rows[0]?.status === 'stored';
    });

    const cookie = await stack().signIn(agent.email);
    const found = async (said: string) => {
      const res = await stack().request(cookie, `/api/calls?said=${encodeURIComponent(said)}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Array<{ id: string }> }).items.map((c) => c.id);
    };
    expect(await found('ORDER NUMBER')).toEqual([callId]);
    expect(await found('refund')).toEqual([]);
    expect(await found('%')).toEqual([]);
    expect(await found('four_two')).toEqual([]);
  });
});

describe('media webhooks out of order and twice', () => {
  it('notes a recording named before the call’s terminate, once however often it comes', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const { callId, call } = await liveCall(ws.phoneNumberId, asha.socket);

    // the call is still up: Meta's recording webhook comes first, then again
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '114255454940862',
          changes: [
            {
              field: 'calls',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: ws.displayNumber.slice(1),
                  phone_number_id: ws.phoneNumberId,
                },
                calls: [
                  { id: call.id, event: 'recording', timestamp: '1753115300', media_id: '4401' },
                ],
              },
            },
          ],
        },
      ],
    });
    expect((await stack().postWebhook(body)).status).toBe(200);
    expect((await stack().postWebhook(body)).status).toBe(200);
    await stack().settled();
    await waitUntil(
      'the early recording is noted',
      async () => (await stack().app.repos.callMedia.listForCall(ws.id, callId)).length === 1,
    );
    const rows = await stack().app.repos.callMedia.listForCall(ws.id, callId);
    expect(rows).toEqual([expect.objectContaining({ status: 'awaiting', metaMediaId: '4401' })]);
    // the call itself goes on as before
    expect((await stack().app.repos.calls.getCall(ws.id, callId))?.call.state).toBe('active');
    await call.hangUp();
  });
});
