import { parseMetaWebhook } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { isCallEvent } from './events';
import { normalizeJson } from './test-support';

const CALL = 'wacid.HBgLMTIxNTU1MDAxMjMVAgARGCA4N0QwQzk3QjM2RkM';

/** a `calls` change carrying recording / transcription items, as the simulator sends them */
function mediaWebhook(...items: object[]) {
  return {
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
                display_phone_number: '919169950000',
                phone_number_id: '115017831530658',
              },
              calls: items,
            },
          },
        ],
      },
    ],
  };
}

describe('WhatsApp recording and transcription webhooks', () => {
  it('turns a recording and a transcript into media.ready events, not call events', () => {
    const { events } = normalizeJson(
      mediaWebhook(
        {
          id: CALL,
          event: 'recording',
          timestamp: '1753115300',
          status: 'AVAILABLE',
          media_id: '1288001',
        },
        { id: CALL, event: 'transcription', timestamp: '1753115301', media_id: '1288002' },
      ),
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'media.ready',
        callId: CALL,
        media: 'recording',
        mediaId: '1288001',
        status: 'available',
        endpointId: '115017831530658',
      }),
      expect.objectContaining({ kind: 'media.ready', media: 'transcript', mediaId: '1288002' }),
    ]);
    expect(events.some(isCallEvent)).toBe(false);
  });

  it('keeps Meta’s failure, whatever the case of its status', () => {
    const { events } = normalizeJson(
      mediaWebhook({
        id: CALL,
        event: 'recording',
        timestamp: '1753115300',
        status: 'failed',
        errors: [{ code: 131000, message: 'the recording could not be made' }],
      }),
    );
    expect(events[0]).toMatchObject({
      kind: 'media.ready',
      status: 'failed',
      errors: [{ code: 131000, message: 'the recording could not be made' }],
    });
    expect(events[0]).not.toHaveProperty('mediaId');
  });

  it('gives a redelivery the same idempotency key, and the other kind another', () => {
    const item = { id: CALL, event: 'recording', timestamp: '1753115300', media_id: '1288001' };
    const [first] = normalizeJson(mediaWebhook(item)).events;
    const [again] = normalizeJson(mediaWebhook({ ...item, timestamp: '1753115305' })).events;
    const [transcript] = normalizeJson(mediaWebhook({ ...item, event: 'transcription' })).events;
    expect(again?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(transcript?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it('sets aside an item with neither a media id nor a failure', () => {
    const result = normalizeJson(
      mediaWebhook({ id: CALL, event: 'recording', timestamp: '1753115300' }),
    );
    expect(result.events).toEqual([]);
    expect(result.ignored[0]?.reason).toContain('neither a media id nor a failure');
  });

  it('refuses a recording item without a call id, as any malformed calls item', () => {
    const parsed = parseMetaWebhook(
      mediaWebhook({ event: 'recording', timestamp: '1753115300', media_id: '1' }),
    );
    expect(parsed.ok).toBe(false);
  });
});
