/** where Meta rings a Page's calls: only PARTNERS delivers them to partner apps (meta-calling.md §3.4) */
export type RingTarget = 'PARTNERS' | 'META';

/** a Page's call settings as the simulator keeps them */
export interface MessengerCallSettings {
  /** the call icon in the Page's Messenger threads (Messenger *Call Settings*: true by default) */
  icon_enabled: boolean;
  audio_enabled: boolean;
  call_routing: { ring_target: RingTarget };
}

const DEFAULTS: MessengerCallSettings = {
  icon_enabled: true,
  audio_enabled: true,
  call_routing: { ring_target: 'PARTNERS' },
};

/**
 * The call settings of each Page. `POST messenger_call_settings` writes `icon_enabled` only (the
 * one field Meta's *Call Settings* page documents); tests set the ring target with
 * `sim.setMessengerCallSettings`.
 *
 * @example
 * const book = new MessengerCallSettingsBook();
 * book.update('1063…', { icon_enabled: false });
 * book.get('1063…').icon_enabled; // false
 */
export class MessengerCallSettingsBook {
  readonly #settings = new Map<string, MessengerCallSettings>();

  get(pageId: string): MessengerCallSettings {
    return structuredClone(this.#settings.get(pageId) ?? DEFAULTS);
  }

  update(
    pageId: string,
    change: Partial<Omit<MessengerCallSettings, 'call_routing'>> & { ringTarget?: RingTarget },
  ): MessengerCallSettings {
    const { ringTarget, ...fields } = change;
    const current = this.get(pageId);
    this.#settings.set(pageId, {
      ...current,
      ...fields,
      call_routing: { ring_target: ringTarget ?? current.call_routing.ring_target },
    });
    return this.get(pageId);
  }

  /** whether a user's call to the Page reaches partner apps (and so the app under test) */
  reachesPartners(pageId: string): boolean {
    return this.get(pageId).call_routing.ring_target === 'PARTNERS';
  }
}
