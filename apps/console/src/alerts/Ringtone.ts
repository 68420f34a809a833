import type { AudioEngine } from '../rtc/audio-engine';

// a double ring, like a desk phone: 0.4 s on, 0.2 s off, 0.4 s on, 2 s off
const BURSTS: readonly (readonly [start: number, length: number])[] = [
  [0, 0.4],
  [0.6, 0.4],
];
const CYCLE_SEC = 3;
const TONES = [400, 450];

/**
 * The ringtone, generated with Web Audio (nothing to download). Plays while any call rings.
 *
 * @example
 * const ring = new Ringtone(engine);
 * ring.start(); // idempotent
 * ring.stop();
 */
export class Ringtone {
  readonly #engine: AudioEngine;
  #timer: ReturnType<typeof setInterval> | undefined;
  #output: GainNode | undefined;

  constructor(engine: AudioEngine) {
    this.#engine = engine;
  }

  get playing(): boolean {
    return this.#timer !== undefined;
  }

  start(): void {
    if (this.#timer !== undefined) return;
    const context = this.#engine.context();
    if (!context) return;
    const output = context.createGain();
    output.gain.value = 0.15;
    output.connect(context.destination);
    this.#output = output;
    const ring = () => {
      const at = context.currentTime + 0.05;
      for (const [start, length] of BURSTS) {
        for (const frequency of TONES) {
          const osc = context.createOscillator();
          const envelope = context.createGain();
          osc.frequency.value = frequency;
          envelope.gain.setValueAtTime(0, at + start);
          envelope.gain.linearRampToValueAtTime(0.5, at + start + 0.01);
          envelope.gain.setValueAtTime(0.5, at + start + length - 0.01);
          envelope.gain.linearRampToValueAtTime(0, at + start + length);
          osc.connect(envelope).connect(output);
          osc.start(at + start);
          osc.stop(at + start + length);
        }
      }
    };
    ring();
    this.#timer = setInterval(ring, CYCLE_SEC * 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    // disconnecting cuts a burst already scheduled, so the ring stops the moment it should
    this.#output?.disconnect();
    this.#output = undefined;
  }
}
