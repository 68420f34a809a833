import type { CallEndedPayload, CallRemoteSdpPayload, CallView } from '@ringside/contracts';

/** what the server said about a call before this tab knew its id */
export interface EarlyEvents {
  /** the newest view */
  view?: CallView;
  /** in arrival order */
  remoteSdp: CallRemoteSdpPayload[];
  ended?: CallEndedPayload;
}

// a dial's ack comes within seconds; this only bounds a misbehaving server
const MAX_CALLS = 16;
const MAX_SDP_PER_CALL = 8;

/**
 * Holds the events about calls this tab does not know yet, while the agent's outbound call
 * waits for its id: the server may tell us about the new call (Meta's answer on WhatsApp, its
 * state, even its end) before `call:dial`'s acknowledgement arrives. Once the id is known,
 * {@link take} hands over that call's events and forgets the rest.
 *
 * @example
 * const early = new EarlyCallEvents();
 * early.remoteSdp(payload); // while placing
 * const { view, remoteSdp, ended } = early.take(ack.callId);
 */
export class EarlyCallEvents {
  readonly #calls = new Map<string, EarlyEvents>();

  view(view: CallView): void {
    const events = this.#for(view.id);
    if (events) events.view = view;
  }

  remoteSdp(payload: CallRemoteSdpPayload): void {
    const events = this.#for(payload.callId);
    if (events && events.remoteSdp.length < MAX_SDP_PER_CALL) events.remoteSdp.push(payload);
  }

  ended(payload: CallEndedPayload): void {
    const events = this.#for(payload.callId);
    if (events) events.ended = payload;
  }

  /** the events for `callId`, in the order to apply them; everything held is forgotten */
  take(callId: string): EarlyEvents {
    const events = this.#calls.get(callId) ?? { remoteSdp: [] };
    this.#calls.clear();
    return events;
  }

  clear(): void {
    this.#calls.clear();
  }

  #for(callId: string): EarlyEvents | undefined {
    const known = this.#calls.get(callId);
    if (known) return known;
    if (this.#calls.size >= MAX_CALLS) return undefined;
    const events: EarlyEvents = { remoteSdp: [] };
    this.#calls.set(callId, events);
    return events;
  }
}
