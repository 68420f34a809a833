/** how many packets the echo holds at most before dropping the oldest (10 s of 20 ms frames) */
const MAX_QUEUED = 500;

/**
 * The echo demo's delay line: opus payloads go in as they arrive and come out, one per frame
 * slot, once they are `delayMs` old. One out per slot keeps the echo paced like the original
 * even when the network delivers packets in bunches.
 *
 * @example
 * const echo = new EchoLine(300);
 * echo.push(payload, 1000);
 * echo.take(1200); // → null (too fresh)
 * echo.take(1300); // → payload
 */
export class EchoLine {
  readonly #delayMs: number;
  #queue: { payload: Buffer; at: number }[] = [];

  constructor(delayMs: number) {
    if (!(Number.isFinite(delayMs) && delayMs >= 0))
      throw new RangeError('echo delayMs must be ≥ 0');
    this.#delayMs = delayMs;
  }

  push(payload: Buffer, at: number): void {
    this.#queue.push({ payload, at });
    // a sender that stopped taking must not grow memory without bound
    if (this.#queue.length > MAX_QUEUED) this.#queue.shift();
  }

  /** the oldest payload that is at least `delayMs` old at `now`, or null */
  take(now: number): Buffer | null {
    const head = this.#queue[0];
    if (!head || now - head.at < this.#delayMs) return null;
    this.#queue.shift();
    return head.payload;
  }

  clear(): void {
    this.#queue = [];
  }
}
