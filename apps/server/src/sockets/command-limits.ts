import type { AckResult, ClientToServerEvents } from '@ringside/contracts';
import type { CommandFamily, Rate } from '../abuse-limits';
import type { RingsideSocket } from './socket-types';

const FAMILY_OF: Record<keyof ClientToServerEvents, CommandFamily> = {
  'agent:set-status': 'status',
  'call:accept': 'call',
  'call:answer': 'call',
  'call:decline': 'call',
  'call:hangup': 'call',
  'call:quality': 'quality',
  'call:dial': 'dial',
  'supervisor:listen': 'call',
  'supervisor:listen-answer': 'call',
  'supervisor:stop-listening': 'call',
  'supervisor:whisper': 'call',
  'supervisor:whisper-answer': 'call',
  'call:whisper-answer': 'call',
  'call:rejoin': 'call',
  'call:rejoin-answer': 'call',
  'call:transfer-targets': 'call',
  'call:transfer': 'call',
  'call:transfer-cancel': 'call',
  'call:transfer-complete': 'call',
  'call:transfer-accept': 'call',
  'call:transfer-answer': 'call',
  'call:transfer-decline': 'call',
};

const REFUSAL: Record<CommandFamily, string> = {
  status: 'You are changing your status too often. Wait a few seconds and try again.',
  call: 'Too many call actions at once. Wait a few seconds and try again.',
  quality: 'Too many call quality reports. Wait a few seconds and try again.',
  dial: 'You are placing calls too quickly. Wait a few seconds and try again.',
};

/**
 * A token bucket: `burst` tokens to start, refilled at `perMinute`, one taken per command.
 *
 * @example
 * const bucket = tokenBucket({ burst: 3, perMinute: 6 }, Date.now);
 * bucket.take(); // true until the burst is spent, then about one every 10 s
 */
export function tokenBucket(rate: Rate, now: () => number): { take(): boolean } {
  let tokens = rate.burst;
  let at = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(rate.burst, tokens + ((t - at) * rate.perMinute) / 60_000);
      at = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Limits one socket's commands per family (`abuse-limits.ts`). A command over its family's limit
 * is answered `rate_limited` through its acknowledgement and goes no further: no handler runs,
 * nothing changes, nobody else hears of it. Events that are not commands pass untouched.
 *
 * @example
 * io.on('connection', (socket) => limitCommands(socket, limits.commandRates, Date.now));
 */
export function limitCommands(
  socket: RingsideSocket,
  rates: Record<CommandFamily, Rate>,
  now: () => number,
): void {
  const buckets = new Map<CommandFamily, { take(): boolean }>();
  socket.use((packet, next) => {
    const [event] = packet;
    // own keys only: an event named `constructor` or `toString` is not a command
    const family = Object.hasOwn(FAMILY_OF, event)
      ? FAMILY_OF[event as keyof ClientToServerEvents]
      : undefined;
    if (family === undefined) {
      next();
      return;
    }
    let bucket = buckets.get(family);
    if (!bucket) {
      bucket = tokenBucket(rates[family], now);
      buckets.set(family, bucket);
    }
    if (bucket.take()) {
      next();
      return;
    }
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') {
      const refusal: AckResult = {
        ok: false,
        error: { code: 'rate_limited', message: REFUSAL[family] },
      };
      (ack as (result: AckResult) => void)(refusal);
    }
  });
}
