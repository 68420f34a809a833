import type { AudioSink } from './MediaSession';

/**
 * The `<audio>` element the caller's voice plays in, made and owned here (not by a component),
 * so it lives as long as the call whatever React renders. `setSinkId` routes it to the chosen
 * speaker where the browser supports that.
 *
 * @example
 * const audio = new RemoteAudio(document);
 * audio.unlock(); // in the Available click
 * audio.attach(remoteStream);
 */
export class RemoteAudio implements AudioSink {
  readonly #element: HTMLAudioElement;
  #sinkId = '';

  constructor(doc: Document) {
    this.#element = doc.createElement('audio');
    this.#element.autoplay = true;
    this.#element.dataset['ringside'] = 'remote-audio';
    this.#element.hidden = true;
    doc.body.append(this.#element);
  }

  /** whether audio can be sent to a chosen speaker */
  get canChooseSpeaker(): boolean {
    return typeof this.#element.setSinkId === 'function';
  }

  /** called inside the Available click: a user gesture lets later calls play without one */
  unlock(): void {
    this.#element.muted = false;
    void this.#element.play().catch(() => undefined);
  }

  attach(stream: MediaStream): void {
    if (this.#element.srcObject === stream) return;
    this.#element.srcObject = stream;
    void this.#element.play().catch(() => undefined);
  }

  detach(): void {
    this.#element.pause();
    this.#element.srcObject = null;
  }

  /** '' is the system default */
  async setSpeaker(deviceId: string): Promise<boolean> {
    if (!this.canChooseSpeaker || deviceId === this.#sinkId) return deviceId === this.#sinkId;
    try {
      await this.#element.setSinkId(deviceId);
      this.#sinkId = deviceId;
      return true;
    } catch {
      return false;
    }
  }
}
