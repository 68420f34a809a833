// every console command (packages/contracts CLIENT_COMMAND_SCHEMAS) with arbitrary payloads,
// with and without an acknowledgement, plus names the server does not know
import { CLIENT_COMMAND_SCHEMAS } from '@ringside/contracts';
import fc from 'fast-check';
import type { ConsoleSocket } from '../src/testing/socket-helpers';
import type { SecretWatch } from './fuzz-secrets';

export interface SocketCase {
  event: string;
  payload: unknown[];
  withAck: boolean;
}

const COMMANDS = Object.keys(CLIENT_COMMAND_SCHEMAS);
const UNKNOWN = ['call:nope', 'admin:delete-everything', 'constructor', '__proto__', 'connect', ''];
const ACK_MS = 5_000;

/** payloads: anything at all, or the command's own shape with hostile values */
function payloads(known: { callIds: string[]; channelIds: string[] }) {
  const id = fc.oneof(
    fc.constantFrom(
      ...known.callIds,
      ...known.channelIds,
      'wacid.x',
      '00000000-0000-0000-0000-000000000000',
    ),
    fc.string(),
    fc.anything({ maxDepth: 2 }),
  );
  const text = fc.oneof(
    fc.string(),
    fc.string({ minLength: 60_000, maxLength: 70_000 }),
    fc.anything(),
  );
  const shaped = fc.record(
    {
      callId: id,
      channelId: id,
      status: fc.oneof(fc.constantFrom('available', 'away', 'busy', 'offline'), fc.anything()),
      sdp: text,
      to: fc.oneof(fc.constantFrom('+919800000001', 'US.13491208655302741918'), text),
      rttMs: fc.oneof(fc.double(), fc.anything()),
      jitterMs: fc.double(),
      lossPct: fc.double(),
      mos: fc.double(),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    fc.anything(),
    shaped,
    shaped.map((p) => ({ ...p, __proto__: { ok: true } })),
  );
}

export function socketCases(known: { callIds: string[]; channelIds: string[] }) {
  return fc.record({
    event: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...COMMANDS) },
      fc.constantFrom(...UNKNOWN),
    ),
    payload: fc.oneof(
      { weight: 8, arbitrary: payloads(known).map((p) => [p]) },
      fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
    ),
    withAck: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
  });
}

/**
 * Emits one case; with an acknowledgement requested for a known command, it must come back
 * `{ ok: boolean }` within 5 s and carry no secret. Throws otherwise (fast-check shrinks).
 */
export async function emitCase(socket: ConsoleSocket, c: SocketCase, secrets: SecretWatch) {
  const emit = socket.emit as (...args: unknown[]) => void;
  if (!c.withAck || !COMMANDS.includes(c.event)) {
    try {
      emit.call(socket, c.event, ...c.payload);
    } catch {
      // socket.io-client refuses reserved names itself: nothing reached the server
    }
    return;
  }
  const ack = await new Promise<unknown>((resolve, reject) => {
    (socket.timeout(ACK_MS).emit as (...args: unknown[]) => void)(
      c.event,
      ...c.payload,
      (err: Error | null, result: unknown) =>
        err
          ? reject(new Error(`${c.event}: no acknowledgement within ${ACK_MS} ms`))
          : resolve(result),
    );
  });
  const text = JSON.stringify(ack) ?? '';
  if (typeof ack !== 'object' || ack === null || typeof (ack as { ok?: unknown }).ok !== 'boolean')
    throw new Error(`${c.event}: acknowledged with ${text.slice(0, 200)}`);
  const leaked = secrets.found(text);
  if (leaked.length > 0)
    throw new Error(`${c.event}: the acknowledgement carries ${leaked.join(', ')}`);
}
