// test-only: the flows that race to ring an agent, cut at their race points (see interleave.ts)
import { expect } from 'vitest';
import type { Flow } from './interleave';
import { newWhatsAppCallId, whatsappConnect } from './meta-payloads';
import type { createRaceGates } from './race-gates';
import { command, type ConsoleSocket } from './socket-helpers';

type Gates = ReturnType<typeof createRaceGates>;

/**
 * A WhatsApp call arrives: who is available is read, the call is stored (with a first offer to
 * them), who is available is read again and the call offered to the others. Posted to one server,
 * processed by its webhook processor.
 */
export function arrivalFlow(
  gates: Gates,
  server: {
    phoneNumberId: string;
    postWebhook(body: string): Promise<Response>;
    /** resolves once the server processed every webhook it stored */
    idle(): Promise<void>;
  },
): Flow & { callId: string } {
  const callId = newWhatsAppCallId();
  return {
    name: 'a call arrives',
    callId,
    gates: [gates.hold('arrival:planned', callId), gates.hold('ring:read', callId)],
    start() {
      const body = JSON.stringify(whatsappConnect({ phoneNumberId: server.phoneNumberId, callId }));
      void server.postWebhook(body).then((res) => expect(res.status).toBe(200));
    },
    done: () => server.idle(),
  };
}

/** an agent clicks Available: the status is stored, then the calls already ringing are read */
export function availableFlow(gates: Gates, agent: { id: string; socket: ConsoleSocket }): Flow {
  let ack: Promise<unknown> = Promise.resolve();
  return {
    name: 'the agent becomes available',
    gates: [gates.hold('status:stored', agent.id)],
    start() {
      ack = command(agent.socket, 'agent:set-status', { status: 'available' }).then((r) =>
        expect(r).toEqual({ ok: true }),
      );
    },
    done: () => ack,
  };
}

/**
 * A longest-idle agent's turn ends (their decline: the event their turn timer feeds too): the
 * call is stored without them, then who is available is read and the next agent offered it.
 */
export function turnOverFlow(
  gates: Gates,
  agent: { socket: ConsoleSocket },
  call: { id: string; metaCallId: string },
): Flow {
  let ack: Promise<unknown> = Promise.resolve();
  return {
    name: 'the agent’s turn ends',
    gates: [gates.hold('ring:read', call.metaCallId)],
    start() {
      ack = command(agent.socket, 'call:decline', { callId: call.id }).then((r) =>
        expect(r).toEqual({ ok: true }),
      );
    },
    done: () => ack,
  };
}
