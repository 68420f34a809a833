/** a customer service window lasts this long after the user's last message or call */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Customer service windows (*Service messages*: "When a WhatsApp user messages you or calls you,
 * a 24-hour timer called a customer service window starts", reset by each new message or call).
 * Free-form messages, such as the interactive call permission request, need one open; templates
 * do not.
 *
 * @example
 * const windows = new ServiceWindowBook(Date.now);
 * windows.userReached('115017831530658', '918097530000');
 * windows.isOpen('115017831530658', '918097530000'); // true for 24 hours
 */
export class ServiceWindowBook {
  readonly #lastInbound = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** the user messaged or called the business now */
  userReached(businessId: string, userId: string): void {
    this.#lastInbound.set(`${businessId}:${userId}`, this.now());
  }

  isOpen(businessId: string, userId: string): boolean {
    const last = this.#lastInbound.get(`${businessId}:${userId}`);
    return last !== undefined && this.now() - last < SERVICE_WINDOW_MS;
  }
}
