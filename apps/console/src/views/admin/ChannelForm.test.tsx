import type { AdminChannelView } from '@ringside/contracts';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChannelsApi } from '../../api/channels-api';
import { I18nProvider } from '../../i18n/I18nProvider';
import { numberChannel, pageChannel } from './admin-testing';
import { channelDraft } from './channel-form';
import { ChannelForm } from './ChannelForm';
import { WhenNobodyFields } from './WhenNobodyFields';

// rendering sends nothing: the form reaches its API only on Save
const api = {} as ChannelsApi;
const QUEUE = 'Queue callers, then voicemail';
const NEEDS = 'Queueing needs Call audio through the media server.';

function render(editing: AdminChannelView): string {
  return renderToString(
    <I18nProvider>
      <ChannelForm api={api} users={[]} editing={editing} onSaved={() => {}} onCancel={() => {}} />
    </I18nProvider>,
  );
}

/** the `<option>` of the queue, as rendered */
const queueOption = (html: string) => html.match(/<option value="queue"[^>]*>[^<]*<\/option>/)?.[0];

/** the control a label names (its opening tag) and the texts of what describes it */
function field(html: string, label: string) {
  const labelled = new RegExp(`<label for="([^"]+)"[^>]*>${label}</label>`).exec(html);
  const id = labelled?.[1];
  if (id === undefined) return undefined;
  const control = new RegExp(`<(?:input|select) id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  const ids = /aria-describedby="([^"]+)"/.exec(control)?.[1]?.split(' ') ?? [];
  const described = ids.map((ref) => new RegExp(`id="${ref}"[^>]*>([^<]*)<`).exec(html)?.[1]);
  return { control, described };
}

describe('the channel form’s When nobody is available', () => {
  it('offers queueing on a line whose Call audio runs through the media server', () => {
    const html = render(numberChannel({ mediaMode: 'anchored' }));
    expect(queueOption(html)).toBe(`<option value="queue">${QUEUE}</option>`);
    expect(field(html, 'When nobody is available')?.described).toEqual([]);
    // the limit is asked for only once callers are queued
    expect(field(html, 'Queue limit \\(seconds\\)')).toBeUndefined();
  });

  it('disables it on a direct line, the hint under the select saying why', () => {
    const html = render(numberChannel({ mediaMode: 'direct' }));
    expect(queueOption(html)).toBe(`<option value="queue" disabled="">${QUEUE}</option>`);
    expect(field(html, 'When nobody is available')?.described).toEqual([NEEDS]);
  });

  it('lists no queue for a Messenger Page', () => {
    const html = render(pageChannel());
    expect(queueOption(html)).toBeUndefined();
    expect(html).not.toContain(NEEDS);
  });

  it('asks for the queue limit, with its hint, while callers are queued', () => {
    const html = render(
      numberChannel({ mediaMode: 'anchored', whenNobodyAvailable: 'queue', queueLimitSec: 300 }),
    );
    expect(html).toContain(`<option value="queue" selected="">${QUEUE}</option>`);
    const limit = field(html, 'Queue limit \\(seconds\\)');
    expect(limit?.control).toContain('value="300"');
    expect(limit?.described).toEqual(['After this, the caller can leave a voicemail.']);
  });

  it('says calls keep ringing again once Call audio went direct under a queueing line', () => {
    const html = renderToString(
      <I18nProvider>
        <WhenNobodyFields
          draft={channelDraft(numberChannel({ mediaMode: 'direct' }))}
          fellBack
          onChoose={() => {}}
          field={() => ({ value: '', onChange: () => {}, error: undefined })}
        />
      </I18nProvider>,
    );
    expect(field(html, 'When nobody is available')?.described).toEqual([
      'Queueing needs Call audio through the media server, so calls keep ringing until the ring timeout again.',
    ]);
  });
});
