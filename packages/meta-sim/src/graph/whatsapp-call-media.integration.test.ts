import { metaErrorEnvelopeSchema, waMediaUrlReplySchema } from '@ringside/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER, type SimWhatsAppNumber } from '../engine/config';
import { createFakeMediaFactory } from '../engine/fake-media';
import { fakeSdp } from '../engine/fake-sdp';
import { readOggPages } from '../media/ogg-opus';
import { testGraphClient, type TestGraphClient } from './test-client';

const NUMBER = DEMO_WHATSAPP_NUMBER;
const OTHER: SimWhatsAppNumber = {
  phoneNumberId: '200000000000001',
  wabaId: '200000000000009',
  displayPhoneNumber: '15550100200',
  accessToken: 'other-number-token',
};
const PNID = NUMBER.phoneNumberId;
const OPT_IN = { status: 'ENABLED', purpose: 'quality assurance', announcement_language: 'en_US' };

let sim: MetaSim;
let base: string;
let graph: TestGraphClient;

beforeEach(async () => {
  sim = createMetaSim({
    media: createFakeMediaFactory(),
    numbers: [NUMBER, OTHER],
    webhookUrl: null,
    callMedia: { transcriptLines: ['Hi there.', 'Hello, how can I help?'] },
  });
  base = `${await sim.listen(0)}/v24.0`;
  graph = testGraphClient(base, NUMBER.accessToken);
});

afterEach(async () => {
  await sim.close();
});

async function acceptWith(extra: object) {
  const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul' });
  const res = await graph.post(PNID, 'calls', {
    messaging_product: 'whatsapp',
    action: 'accept',
    call_id: call.id,
    session: { sdp_type: 'answer', sdp: fakeSdp({ type: 'answer', mid: 'audio' }) },
    ...extra,
  });
  return { call, res };
}

/** the media items of the webhooks sent for a call, in order */
function mediaItems(callId: string): Array<Record<string, unknown>> {
  return sim
    .deliveries({ callId })
    .flatMap((d) => {
      const body = d.payload as {
        entry: Array<{ changes: Array<{ value: { calls?: Array<Record<string, unknown>> } }> }>;
      };
      return body.entry.flatMap((e) => e.changes.flatMap((c) => c.value.calls ?? []));
    })
    .filter((item) => item['event'] === 'recording' || item['event'] === 'transcription');
}

describe('call recording and transcription (accept)', () => {
  it('after a recorded, transcribed call: both webhooks after the terminate, each file behind its media id', async () => {
    const { call, res } = await acceptWith({ recording: OPT_IN, transcription: OPT_IN });
    expect(res.status).toBe(200);
    await call.hangUp();
    const kinds = sim.deliveries({ callId: call.id }).flatMap((d) => d.events.map((e) => e.kind));
    expect(kinds.slice(-3)).toEqual(['terminate', 'recording', 'transcription']);
    const [recording, transcription] = mediaItems(call.id);
    expect(recording).toMatchObject({
      id: call.id,
      status: 'AVAILABLE',
      media_id: expect.stringMatching(/^\d+$/),
    });

    const located = await graph.get(String(recording?.['media_id']), '');
    expect(located.status).toBe(200);
    const { url, mime_type: mime } = waMediaUrlReplySchema.parse(located.body);
    expect(mime).toBe('audio/ogg');
    const file = await fetch(url, { headers: { authorization: `Bearer ${NUMBER.accessToken}` } });
    expect(file.headers.get('content-type')).toBe('audio/ogg');
    const pages = readOggPages(Buffer.from(await file.arrayBuffer()));
    expect(pages.every((p) => p.crcOk)).toBe(true);
    expect(pages[0]?.packets[0]?.toString('ascii', 0, 8)).toBe('OpusHead');

    const text = await graph.get(String(transcription?.['media_id']), '');
    const doc = await fetch(waMediaUrlReplySchema.parse(text.body).url, {
      headers: { authorization: `Bearer ${NUMBER.accessToken}` },
    });
    expect(await doc.json()).toEqual({
      language: 'en_US',
      segments: [
        { speaker: 'user', start_ms: 0, end_ms: 2500, text: 'Hi there.' },
        { speaker: 'business', start_ms: 3000, end_ms: 5500, text: 'Hello, how can I help?' },
      ],
    });
  });

  it('answers another number’s token with 401, on the read and on the download', async () => {
    const { call } = await acceptWith({ recording: OPT_IN });
    await call.hangUp();
    const [recording] = mediaItems(call.id);
    const mediaId = String(recording?.['media_id']);
    const refused = await graph.get(mediaId, '', {}, OTHER.accessToken);
    expect(refused.status).toBe(401);
    expect(metaErrorEnvelopeSchema.parse(refused.body).error.code).toBe(190);
    const { url } = waMediaUrlReplySchema.parse((await graph.get(mediaId, '')).body);
    const download = await fetch(url, {
      headers: { authorization: `Bearer ${OTHER.accessToken}` },
    });
    expect(download.status).toBe(401);
  });

  it('records nothing when the objects are absent or DISABLED, or the call was never picked up', async () => {
    const plain = await acceptWith({});
    await plain.call.hangUp();
    const disabled = await acceptWith({ recording: { status: 'DISABLED' } });
    await disabled.call.hangUp();
    const missed = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul' });
    await missed.hangUp();
    expect(mediaItems(plain.call.id)).toEqual([]);
    expect(mediaItems(disabled.call.id)).toEqual([]);
    expect(mediaItems(missed.id)).toEqual([]);
  });

  it.each([
    [{ recording: { status: 'ON' } }, 'recording.status'],
    [{ recording: { purpose: 'qa' } }, 'recording.status'],
    [
      { transcription: { status: 'ENABLED', announcement_language: 'english' } },
      'transcription.announcement_language',
    ],
    [{ recording: { status: 'ENABLED', purpose: '' } }, 'recording.purpose'],
  ])('refuses %j with code 100 naming the field', async (extra, field) => {
    const { res } = await acceptWith(extra);
    expect(res.status).toBe(400);
    const envelope = metaErrorEnvelopeSchema.parse(res.body);
    expect(envelope.error.code).toBe(100);
    expect(envelope.error.error_data?.details).toContain(field);
  });
});
