import type { Outcome } from '../rtc/LocalAudio';
import type { MediaSession, SessionEvent } from '../rtc/MediaSession';
import type { CallContext } from './AgentCall';
import { rejoinLeg } from './rejoin-leg';
import { t } from '../i18n/i18n';

/** a failed attempt is followed by the next after this long */
export const REJOIN_RETRY_MS = 3_000;
/** after this long since the loss without a leg that connected, the call is lost */
export const REJOIN_GIVE_UP_MS = 60_000;

export interface LegRecoveryParts {
  callId: string;
  context: Pick<CallContext, 'signaling' | 'microphone' | 'createRejoinMedia' | 'log'>;
  /** the call as the agent left it: a fresh leg is muted and held alike */
  left: { muted: boolean; held: boolean };
  /** the call still waits for its audio (not hung up, not ended) */
  waiting(): boolean;
  /** a fresh leg connected: it is the call's media from now on (`held`: putting it on hold) */
  recovered(media: MediaSession, held: Outcome): void;
  /** no leg connected within {@link REJOIN_GIVE_UP_MS} of the loss */
  lost(): void;
}

/**
 * An anchored call whose connection to the media engine was lost (the agent's network changed:
 * a new address, Wi-Fi to 4G, a VPN) gets its audio back: the customer is still connected to
 * the engine, so a fresh leg is asked for, as after a reload ({@link rejoinLeg}), until one
 * connects. While the network is still down a step fails (the socket is reconnecting) or the
 * leg does not connect: the next attempt goes {@link REJOIN_RETRY_MS} later, until
 * {@link REJOIN_GIVE_UP_MS} after the loss. Stopping it closes the attempt in progress.
 *
 * @example
 * const recovery = new LegRecovery({ callId, context, left, waiting, recovered, lost });
 * recovery.start();
 * recovery.stop(); // the agent hung up: no more attempts
 */
export class LegRecovery {
  readonly #parts: LegRecoveryParts;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #deadline: ReturnType<typeof setTimeout> | undefined;
  /** the leg the engine took, until it connects or fails */
  #connecting: MediaSession | undefined;
  #stopped = false;

  constructor(parts: LegRecoveryParts) {
    this.#parts = parts;
  }

  start(): void {
    this.#deadline = setTimeout(() => {
      this.stop();
      this.#parts.lost();
    }, REJOIN_GIVE_UP_MS);
    void this.#attempt(1);
  }

  /** no more attempts; a leg still connecting is closed (the steps in flight close their own) */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
    clearTimeout(this.#deadline);
    this.#connecting?.close();
  }

  #wanted(): boolean {
    return !this.#stopped && this.#parts.waiting();
  }

  async #attempt(attempt: number): Promise<void> {
    if (!this.#wanted()) return;
    const { callId, context } = this.#parts;
    const leg = await rejoinLeg({
      callId,
      context,
      wanted: () => this.#wanted(),
      // nothing of a muted or held agent's microphone goes out while the leg comes up
      muted: this.#parts.left.muted || this.#parts.left.held,
    });
    const outcome = leg.ok ? await this.#connect(leg.media) : leg;
    if (!this.#wanted()) return;
    if (leg.ok && outcome.ok) {
      const held = await this.#asLeft(leg.media);
      if (!this.#wanted()) {
        leg.media.close();
        return;
      }
      this.stop();
      this.#parts.recovered(leg.media, held);
      return;
    }
    if (!outcome.ok) {
      context.log.warn(`call ${callId}: rejoin attempt ${attempt} failed`, {
        message: outcome.message,
      });
    }
    this.#retry = setTimeout(() => void this.#attempt(attempt + 1), REJOIN_RETRY_MS);
  }

  /** hold music in place of the microphone again, if the call was held; then the agent's mute */
  async #asLeft(media: MediaSession): Promise<Outcome> {
    const { muted, held } = this.#parts.left;
    const holding = held ? await media.setHeld(true) : { ok: true as const };
    media.setMuted(muted);
    return holding;
  }

  /** the leg's audio comes up, or it fails (it is closed then) */
  async #connect(media: MediaSession): Promise<Outcome> {
    this.#connecting = media;
    const outcome = await connected(media);
    this.#connecting = undefined;
    if (!outcome.ok || !this.#wanted()) media.close();
    return outcome;
  }
}

/** resolves once the leg is active, or with why it failed or closed first */
function connected(media: MediaSession): Promise<Outcome> {
  return new Promise((resolve) => {
    const off = media.onEvent((event) => {
      const outcome = settled(event);
      if (!outcome) return;
      off();
      resolve(outcome);
    });
    // audio must now arrive: the leg goes active once it is connected
    media.expectAudio();
  });
}

function settled(event: SessionEvent): Outcome | undefined {
  if (event.type === 'failed') return { ok: false, message: event.failure.message };
  if (event.type !== 'phase') return undefined;
  if (event.phase === 'active') return { ok: true };
  if (event.phase === 'closed') return { ok: false, message: t('media.closed') };
  return undefined;
}
