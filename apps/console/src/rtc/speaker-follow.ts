import type { AppStore } from '../state/store';

/** what {@link followSpeakerChoice} needs of the element the caller's voice plays in */
export interface SpeakerOutput {
  setSpeaker(deviceId: string): Promise<boolean>;
}

/**
 * Keeps the caller's audio on the speaker the store names. The store changes it two ways: the
 * agent picks one (already applied, so this is a no-op), or the chosen one is unplugged and the
 * device list falls back to the default (`''`) — then the audio must follow, or it would keep
 * playing to a device that is gone while the picker says "System default". Returns the
 * unsubscribe.
 *
 * @example
 * const stop = followSpeakerChoice(store, remoteAudio);
 */
export function followSpeakerChoice(store: AppStore, output: SpeakerOutput): () => void {
  return store.subscribe((state, previous) => {
    if (state.outputId !== previous.outputId) void output.setSpeaker(state.outputId);
  });
}
