import { useStore } from 'zustand';
import type { BoardState } from '../../state/board-store';
import type { BoardFeed } from './BoardFeed';

/**
 * Reads a narrow part of the supervisor's board; the component re-renders only when it changes.
 *
 * @example
 * const calls = useBoard(feed, (s) => s.calls);
 */
export function useBoard<T>(feed: BoardFeed, selector: (state: BoardState) => T): T {
  return useStore(feed.store, selector);
}
