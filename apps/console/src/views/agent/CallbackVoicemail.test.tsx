import type { Callback } from '@ringside/contracts';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { callAudioUrl } from '../../api/call-audio-url';
import { I18nProvider } from '../../i18n/I18nProvider';
import { callerName } from '../../ui/format';
import { CallbackVoicemail } from './CallbackVoicemail';

const CALLBACK: Callback = {
  callId: 'c 1',
  channel: 'whatsapp',
  caller: { name: 'Omar', number: '+447700900987' },
  called: { channelId: 'ch1', label: '+1 555 010 9901' },
  firstMissedAt: '2026-12-07T09:00:00.000Z',
  lastMissedAt: '2026-12-07T09:05:00.000Z',
  tries: 1,
  voicemail: true,
};

function render(item: Callback): string {
  // the row names the caller and plays from the worklist API's voicemailUrl (the same path)
  return renderToString(
    <I18nProvider>
      <CallbackVoicemail
        who={callerName(item.caller)}
        src={callAudioUrl(item.callId, 'voicemail')}
      />
    </I18nProvider>,
  );
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('a callback’s voicemail', () => {
  it('is a badge and a player named after the caller, fetching nothing until played', () => {
    const html = render(CALLBACK);
    expect(html).toMatch(/<span[^>]*>Voicemail<\/span>/);
    const audio = /<audio[^>]*>/.exec(html)?.[0] ?? '';
    expect(attribute(audio, 'aria-label')).toBe('Voicemail from Omar');
    expect(attribute(audio, 'src')).toBe('/api/calls/c%201/voicemail');
    expect(attribute(audio, 'preload')).toBe('none');
    expect(attribute(audio, 'controls')).toBe('');
  });

  it('names a caller without a name as the row does, by their number', () => {
    const html = render({ ...CALLBACK, caller: { number: '+447700900987' } });
    expect(html).toContain('aria-label="Voicemail from +447700900987"');
  });
});
