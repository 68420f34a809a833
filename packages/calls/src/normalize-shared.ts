import type { Channel } from '@ringside/contracts';
import type { IgnoredItem, NormalizedEvent, NormalizeResult } from './events';

/** An item the normalizer chose not to turn into an event, and why. */
export interface Skip {
  readonly skip: string;
}

/**
 * Collects events and ignored items while a normalizer walks one webhook body.
 * Item converters return an event or a {@link Skip}; the collector records where it was.
 */
export class NormalizeCollector {
  private readonly events: NormalizedEvent[] = [];
  private readonly ignored: IgnoredItem[] = [];

  constructor(private readonly channel: Channel) {}

  add(outcome: NormalizedEvent | Skip, path: string, item: unknown): void {
    if ('skip' in outcome) this.ignore(outcome.skip, path, item);
    else this.events.push(outcome);
  }

  ignore(reason: string, path: string, item: unknown): void {
    this.ignored.push({ channel: this.channel, reason, path, item });
  }

  result(): NormalizeResult {
    return { events: [...this.events], ignored: [...this.ignored] };
  }
}
