// test-only: a board fed by hand, for rendering the supervisor's views to a string
import { createStore } from 'zustand/vanilla';
import type { CallView } from '@ringside/contracts';
import { createBoardStore, type BoardState } from '../../state/board-store';
import { snapshot, T0 } from '../../state/board-testing';
import { BoardFeed } from './BoardFeed';

/** a promise that never settles: what a fed board answers the server's requests with */
export const never = () => new Promise<never>(() => {});

/**
 * A board feed holding `calls`, started by nothing, so nothing is asked of the server.
 *
 * @example
 * renderToString(<TodayCounters feed={fedBoard(callView('c1'))} />);
 */
export function fedBoard(...calls: CallView[]): BoardFeed {
  const fed = createBoardStore();
  fed.getState().snapshotReceived(snapshot({ calls }), T0);
  return new BoardFeed({
    signaling: { on: () => () => {}, onState: () => () => {}, state: 'connected' },
    supervisor: { board: never, endCall: never, setAway: never },
    callLog: { since: never },
    // rendering to a string reads a store's initial state: one that starts as the fed board
    store: createStore<BoardState>()(() => fed.getState()),
  });
}
