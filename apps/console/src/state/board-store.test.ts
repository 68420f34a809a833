import { describe, expect, it } from 'vitest';
import { agentView, at, callView, NO_COUNTERS, snapshot } from './board-testing';
import { createBoardStore } from './board-store';

describe('board store', () => {
  it('shows a snapshot’s live calls oldest first and its agents by name', () => {
    const board = createBoardStore();
    board.getState().snapshotReceived(
      snapshot({
        calls: [
          callView('late', { startedAt: at(5_000) }),
          callView('early', { startedAt: at(1_000) }),
          callView('over', { state: 'ended' }),
        ],
        agents: [agentView('u2', 'Bo'), agentView('u1', 'Asha')],
        counters: { ...NO_COUNTERS, answered: 3 },
      }),
      42,
    );
    const state = board.getState();
    expect(state.phase).toBe('ready');
    expect(state.calls.map((c) => c.id)).toEqual(['early', 'late']);
    expect(state.agents.map((a) => a.name)).toEqual(['Asha', 'Bo']);
    expect(state.counters?.answered).toBe(3);
    expect(state.syncedAt).toBe(42);
  });

  it('adds a new call and moves a known one as it changes', () => {
    const board = createBoardStore();
    board.getState().callChanged(callView('c1'));
    board
      .getState()
      .callChanged(callView('c1', { state: 'active', agent: { userId: 'u1', name: 'Asha' } }));
    expect(board.getState().calls).toHaveLength(1);
    expect(board.getState().calls[0]).toMatchObject({ state: 'active', agent: { name: 'Asha' } });
  });

  it('drops an ended call and never brings it back on a late update', () => {
    const board = createBoardStore();
    board.getState().callChanged(callView('c1', { state: 'active' }));
    board.getState().callEnded({ callId: 'c1', outcome: 'completed' });
    board.getState().callChanged(callView('c1', { state: 'active' }));
    expect(board.getState().calls).toEqual([]);
    // nor does a snapshot read before it ended
    board.getState().snapshotReceived(snapshot({ calls: [callView('c1')] }), 1);
    expect(board.getState().calls).toEqual([]);
    expect(board.getState().ended).toEqual(['c1']);
  });

  it('treats a call:updated saying ended like call:ended', () => {
    const board = createBoardStore();
    board.getState().callChanged(callView('c1'));
    board.getState().callChanged(callView('c1', { state: 'ended', outcome: 'missed' }));
    expect(board.getState().calls).toEqual([]);
    expect(board.getState().ended).toEqual(['c1']);
  });

  it('replaces an agent by id, keeping the list sorted', () => {
    const board = createBoardStore();
    board.getState().agentChanged(agentView('u2', 'Bo'));
    board.getState().agentChanged(agentView('u1', 'Asha'));
    board.getState().agentChanged(agentView('u2', 'Bo', { status: 'away' }));
    expect(board.getState().agents.map((a) => [a.name, a.status])).toEqual([
      ['Asha', 'available'],
      ['Bo', 'away'],
    ]);
  });

  it('shows an error only until a board exists, then keeps the board and notes it', () => {
    const board = createBoardStore();
    board.getState().failed('Cannot reach Ringside.');
    expect(board.getState()).toMatchObject({ phase: 'error', error: 'Cannot reach Ringside.' });
    board.getState().snapshotReceived(snapshot({ calls: [callView('c1')] }), 1);
    expect(board.getState()).toMatchObject({ phase: 'ready', error: null });
    board.getState().failed('Ringside had a problem. Try again.');
    expect(board.getState().phase).toBe('ready');
    expect(board.getState().calls).toHaveLength(1);
    expect(board.getState().error).toBe('Ringside had a problem. Try again.');
  });
});
