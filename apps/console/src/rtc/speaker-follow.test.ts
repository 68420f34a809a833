import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store';
import { followSpeakerChoice } from './speaker-follow';

const SPEAKERS = [
  { id: 'headset', label: 'USB headset' },
  { id: 'desk', label: 'Desk speakers' },
];

describe('followSpeakerChoice', () => {
  it('moves the caller’s audio back to the default speaker when the chosen one is unplugged', () => {
    const store = createAppStore();
    const output = { setSpeaker: vi.fn(() => Promise.resolve(true)) };
    const stop = followSpeakerChoice(store, output);
    store.getState().devicesListed([], SPEAKERS);
    store.getState().outputChosen('headset');
    expect(output.setSpeaker).toHaveBeenLastCalledWith('headset');

    store.getState().devicesListed([], SPEAKERS.slice(1)); // the headset is unplugged
    expect(store.getState().outputId).toBe('');
    expect(output.setSpeaker).toHaveBeenLastCalledWith('');

    const calls = output.setSpeaker.mock.calls.length;
    store.getState().devicesListed([], SPEAKERS); // plugged back: the choice stays the default
    expect(output.setSpeaker).toHaveBeenCalledTimes(calls);
    stop();
    store.getState().outputChosen('desk');
    expect(output.setSpeaker).toHaveBeenCalledTimes(calls);
  });
});
