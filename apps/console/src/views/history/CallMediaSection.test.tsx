import type { CallMediaView } from '@ringside/contracts/call-media';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { callAudioUrl } from '../../api/call-audio-url';
import { I18nProvider } from '../../i18n/I18nProvider';
import { CallMediaItems } from './CallMediaSection';

const files = {
  audioUrl: (callId: string, kind: 'recording' | 'voicemail') => callAudioUrl(callId, kind),
  downloadUrl: (callId: string, kind: 'recording' | 'voicemail') =>
    callAudioUrl(callId, kind, { download: true }),
  transcript: () => new Promise<never>(() => {}),
};

const media = (kind: CallMediaView['kind'], status: CallMediaView['status']): CallMediaView => ({
  kind,
  status,
  mimeType: 'audio/wav',
  sizeBytes: 96_044,
  error: null,
  storedAt: '2026-12-07T10:00:00.000Z',
  expiresAt: null,
});
const stored = (kind: CallMediaView['kind']) => media(kind, 'stored');

function render(items: CallMediaView[]): string {
  return renderToString(
    <I18nProvider>
      <CallMediaItems api={files} callId="c1" items={items} />
    </I18nProvider>,
  );
}

const players = (html: string) =>
  [...html.matchAll(/<audio[^>]*aria-label="([^"]*)"[^>]*src="([^"]*)"/g)].map((m) => [m[1], m[2]]);
const links = (html: string) =>
  [...html.matchAll(/<a[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[2], m[1]]);

describe('a call’s media in its detail', () => {
  it('plays a voicemail in a player of its own, with its Download, beside the recording', () => {
    const html = render([stored('recording'), stored('transcript'), stored('voicemail')]);
    expect(players(html)).toEqual([
      ['Call recording', '/api/calls/c1/recording'],
      ['Voicemail', '/api/calls/c1/voicemail'],
    ]);
    expect(links(html)).toEqual([
      ['Download recording', '/api/calls/c1/recording?download=1'],
      ['Download voicemail', '/api/calls/c1/voicemail?download=1'],
    ]);
    expect(html).toContain('aria-label="Recording and transcript"');
  });

  it('is headed Voicemail when the voicemail is all there is', () => {
    const html = render([stored('voicemail')]);
    expect(html).toMatch(/<section aria-label="Voicemail"><h3[^>]*>Voicemail<\/h3>/);
    expect(players(html)).toEqual([['Voicemail', '/api/calls/c1/voicemail']]);
  });

  it('says why a voicemail cannot be played', () => {
    const html = render([media('voicemail', 'expired')]);
    expect(players(html)).toEqual([]);
    expect(html.replaceAll('&#x27;', "'")).toContain(
      "The voicemail was deleted when this line's retention period ended.",
    );
  });
});
