import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListenIn } from '../../calls/ListenIn';
import { I18nProvider } from '../../i18n/I18nProvider';
import { HOST_ONLY } from '../../session/IceServers';
import { callView } from '../../state/board-testing';
import { fedBoard, never } from './fed-board';
import { LiveCalls } from './LiveCalls';

// a board fed by hand: nothing is started, so nothing is asked of the server
function board(...calls: ReturnType<typeof callView>[]) {
  const feed = fedBoard(...calls);
  const listen = new ListenIn({
    signaling: { send: never },
    audio: { attach: () => {}, detach: () => {} },
    icePaths: async () => HOST_ONLY,
    microphone: never,
  });
  return renderToString(
    <I18nProvider>
      <LiveCalls feed={feed} listen={listen} />
    </I18nProvider>,
  );
}

/** each live call's caller and the status on its row, as the board lists them */
const rows = (html: string) =>
  html
    .split('<li ')
    .slice(1)
    .map((row) => [
      /<span class="truncate font-semibold">([^<]*)</.exec(row)?.[1],
      // the pill on the line with the agent (the other pill is the channel's)
      /text-sm"><span class="rounded-full[^"]*">([^<]*)</.exec(row)?.[1],
    ]);

describe('the board’s live calls', () => {
  it('shows a caller the media engine queued as In queue, and one leaving a message as such', () => {
    const html = board(
      callView('c1', { caller: { name: 'Rahul' } }),
      callView('c2', {
        caller: { name: 'Priya' },
        startedAt: '2026-03-02T09:00:01.000Z',
        waiting: 'queued',
      }),
      callView('c3', {
        caller: { name: 'Omar' },
        startedAt: '2026-03-02T09:00:02.000Z',
        waiting: 'voicemail',
      }),
    );
    expect(rows(html)).toEqual([
      ['Rahul', 'Ringing'],
      ['Priya', 'In queue'],
      ['Omar', 'Leaving voicemail'],
    ]);
  });
});
