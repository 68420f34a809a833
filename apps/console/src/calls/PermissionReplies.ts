import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';

export interface PermissionRepliesOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on'>;
}

/**
 * Customers' answers to call-permission requests (`call:permission`), put in the store for the
 * agent view's notices: whoever asked can call the customer as soon as they allow it.
 *
 * @example
 * const replies = new PermissionReplies({ store, signaling });
 * replies.start(); // with the socket; stop() with it
 */
export class PermissionReplies {
  readonly #store: AppStore;
  readonly #signaling: PermissionRepliesOptions['signaling'];
  #off: (() => void) | undefined;

  constructor(options: PermissionRepliesOptions) {
    this.#store = options.store;
    this.#signaling = options.signaling;
  }

  start(): void {
    this.#off ??= this.#signaling.on('call:permission', (reply) =>
      this.#store.getState().permissionReplied(reply),
    );
  }

  stop(): void {
    this.#off?.();
    this.#off = undefined;
  }
}
