import { randomInt } from 'node:crypto';
import type { WaMediaOptIn } from '@ringside/contracts';
import { CallRecorder } from '../media/call-recorder';
import { OpusCodec } from '../media/opus-codec';
import { createToneSource } from '../media/tone-source';
import { waCallMedia } from '../webhooks/whatsapp-events';
import { findNumber, type EngineContext } from './context';
import { acceptedAt, type SimCall } from './sim-call';

/**
 * What an `accept` or `connect` body opted the call into: each object counts when its status is
 * `ENABLED` (*Call recording*, *Call transcription*: independent, each its own object).
 *
 * @example
 * call.capture = optedIn(body);
 */
export function optedIn(body: {
  recording?: WaMediaOptIn | undefined;
  transcription?: WaMediaOptIn | undefined;
}): SimCall['capture'] {
  return {
    recording: body.recording?.status === 'ENABLED' ? body.recording : null,
    transcription: body.transcription?.status === 'ENABLED' ? body.transcription : null,
  };
}

/** Meta's media ids are long numbers */
function newMediaId(): string {
  return `${randomInt(1, 2 ** 47)}${randomInt(0, 2 ** 47)}`.slice(0, 16);
}

/**
 * After a WhatsApp call that was picked up ends: the recording (a two-channel Ogg Opus file of
 * what the simulated caller sent and heard) and the transcript (the configured lines: the
 * simulator recognises no speech) are kept under new media ids, and their webhooks go out after
 * the terminate. A call never connected has neither. With `callMedia.fail`, Meta's failure
 * webhooks instead.
 *
 * @example
 * makeCallMedia(ctx, call); // inside endCall, after the terminate webhook
 */
export function makeCallMedia(ctx: EngineContext, call: SimCall): void {
  if (call.channel !== 'whatsapp' || acceptedAt(call.phase) === null) return;
  const { recording, transcription } = call.capture;
  if (!recording && !transcription) return;
  const number = findNumber(ctx, call.businessId);
  if (!number) return;
  const now = ctx.config.now();
  const keep = (mimeType: string, bytes: Buffer): string | null => {
    if (ctx.config.callMedia.fail) return null;
    const id = newMediaId();
    ctx.mediaFiles.set(id, { id, businessId: call.businessId, callId: call.id, mimeType, bytes });
    return id;
  };
  if (recording) {
    const id = keep('audio/ogg', recordingOf(call));
    ctx.send(waCallMedia(number, call, 'recording', id, now));
  }
  if (transcription) {
    const id = keep('application/json', transcriptOf(ctx, transcription));
    ctx.send(waCallMedia(number, call, 'transcription', id, now));
  }
}

function recordingOf(call: SimCall): Buffer {
  const made = call.media?.recording?.();
  if (made) return made;
  // an endpoint without real audio (the fake one in tests): a second of the caller's tone
  const recorder = new CallRecorder();
  const codec = new OpusCodec();
  const tone = createToneSource();
  try {
    for (let i = 0; i < 50; i++) recorder.sent(codec.encode(tone.nextFrame()), i * 20);
  } finally {
    codec.close();
  }
  return recorder.toOggOpus();
}

function transcriptOf(ctx: EngineContext, asked: WaMediaOptIn): Buffer {
  const lines = ctx.config.callMedia.transcriptLines;
  const doc = {
    language: asked.announcement_language ?? 'en_US',
    segments: lines.map((text, i) => ({
      speaker: i % 2 === 0 ? 'user' : 'business',
      start_ms: i * 3_000,
      end_ms: i * 3_000 + 2_500,
      text,
    })),
  };
  return Buffer.from(JSON.stringify(doc), 'utf8');
}
