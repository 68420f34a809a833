/**
 * Flashes the tab title while a call rings and the tab is hidden, so an agent in another tab
 * sees it; the title comes back as soon as the tab is visible or the ring stops.
 *
 * @example
 * const flasher = new TitleFlasher(document);
 * flasher.flash('Rahul is calling');
 * flasher.stop();
 */
export class TitleFlasher {
  readonly #doc: Document;
  #original: string | undefined;
  #message: string | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #onVisibility = () => this.#sync();

  constructor(doc: Document) {
    this.#doc = doc;
    doc.addEventListener('visibilitychange', this.#onVisibility);
  }

  flash(message: string): void {
    this.#message = message;
    this.#sync();
  }

  stop(): void {
    this.#message = undefined;
    this.#sync();
  }

  dispose(): void {
    this.stop();
    this.#doc.removeEventListener('visibilitychange', this.#onVisibility);
  }

  #sync(): void {
    const wanted = this.#message !== undefined && this.#doc.hidden;
    if (wanted && this.#timer === undefined) {
      this.#original = this.#doc.title;
      let on = false;
      this.#timer = setInterval(() => {
        on = !on;
        this.#doc.title = on ? `📞 ${this.#message ?? ''}` : (this.#original ?? 'Ringside');
      }, 1000);
    } else if (!wanted && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
      this.#doc.title = this.#original ?? this.#doc.title;
    }
  }
}
