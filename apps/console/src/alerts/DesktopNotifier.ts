/**
 * Desktop notifications for incoming calls: permission is asked in the Available click (a user
 * gesture), a notification names the caller, and clicking it brings the tab forward.
 *
 * @example
 * const notifier = new DesktopNotifier(window);
 * notifier.requestPermission();
 * notifier.show('call_1', 'Rahul is calling', 'WhatsApp · +91 80975 30000');
 * notifier.close('call_1');
 */
export class DesktopNotifier {
  readonly #win: Window;
  readonly #open = new Map<string, Notification>();

  constructor(win: Window) {
    this.#win = win;
  }

  get supported(): boolean {
    return typeof Notification === 'function';
  }

  requestPermission(): void {
    if (this.supported && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => undefined);
    }
  }

  show(tag: string, title: string, body: string): void {
    if (!this.supported || Notification.permission !== 'granted' || this.#open.has(tag)) return;
    try {
      const notification = new Notification(title, { body, tag, requireInteraction: true });
      notification.onclick = () => {
        this.#win.focus();
        notification.close();
      };
      this.#open.set(tag, notification);
    } catch {
      // some platforms only allow notifications from a service worker; the ring still plays
    }
  }

  close(tag: string): void {
    this.#open.get(tag)?.close();
    this.#open.delete(tag);
  }

  closeAll(): void {
    for (const tag of [...this.#open.keys()]) this.close(tag);
  }
}
