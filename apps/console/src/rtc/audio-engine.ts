/**
 * The page's one AudioContext (ringtone, hold music). Browsers start it suspended until a user
 * gesture; `unlock()` runs in the Available click so a later ring is heard.
 *
 * @example
 * const engine = new AudioEngine();
 * button.onclick = () => engine.unlock();
 * const ctx = engine.context(); // undefined where Web Audio is missing
 */
export class AudioEngine {
  #context: AudioContext | undefined;

  context(): AudioContext | undefined {
    if (this.#context === undefined && typeof AudioContext === 'function') {
      this.#context = new AudioContext();
    }
    return this.#context;
  }

  unlock(): void {
    const context = this.context();
    if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
  }
}
