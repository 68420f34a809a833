import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { ListenIn } from '../../calls/ListenIn';
import { I18nProvider } from '../../i18n/I18nProvider';
import { createBoardStore, type BoardState } from '../../state/board-store';
import { HOST_ONLY } from '../../session/IceServers';
import { callView, snapshot, T0 } from '../../state/board-testing';
import { BoardFeed } from './BoardFeed';
import { LiveCalls } from './LiveCalls';

const never = () => new Promise<never>(() => {});

// a board fed by hand: nothing is started, so nothing is asked of the server
function board(...calls: ReturnType<typeof callView>[]) {
  const fed = createBoardStore();
  fed.getState().snapshotReceived(snapshot({ calls }), T0);
  const feed = new BoardFeed({
    signaling: { on: () => () => {}, onState: () => () => {}, state: 'connected' },
    supervisor: { board: never, endCall: never, setAway: never },
    callLog: { since: never },
    // rendering to a string reads a store's initial state: one that starts as the fed board
    store: createStore<BoardState>()(() => fed.getState()),
  });
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
