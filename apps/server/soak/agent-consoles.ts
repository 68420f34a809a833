// soak-only: agents as socket.io-client consoles (no browser) that follow each call's plan,
// reconnect when the server dies and set themselves available again, as the console does
import type { CallRingingPayload } from '@ringside/contracts';
import { io } from 'socket.io-client';
import { businessAnswerFor } from '../src/testing/business-sdp';
import type { ConsoleSocket } from '../src/testing/socket-helpers';

/** what the agents do with one call; the customer's side is the driver's */
export type Plan = 'customer-hangs-up' | 'agent-hangs-up' | 'decline' | 'ringing-hang-up';

export type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };
const ACK_MS = 5_000;

/** sends a command; a lost connection or no answer within 5 s is an error ack `no_ack` */
export function ask(socket: ConsoleSocket, event: string, payload: unknown): Promise<Ack> {
  return new Promise((resolve) => {
    if (!socket.connected) {
      resolve({ ok: false, error: { code: 'no_ack', message: 'disconnected' } });
      return;
    }
    (socket.timeout(ACK_MS).emit as (...args: unknown[]) => void)(
      event,
      payload,
      (err: Error | null, result: Ack) =>
        resolve(err ? { ok: false, error: { code: 'no_ack', message: err.message } } : result),
    );
  });
}

export interface Won {
  agent: number;
  socket: ConsoleSocket;
  /** the server's id for the call */
  callId: string;
}

export interface AgentConsoles {
  /** the plan for the customer calling from `waId` (digits) */
  plan(waId: string, plan: Plan): void;
  /** the agent whose answer went through, by customer */
  winner(waId: string): Won | undefined;
  readonly figures: {
    rings: number;
    accepts: number;
    claimLost: number;
    declines: number;
    reconnects: number;
  };
  /** resolves once every console is connected and available */
  ready(): Promise<void>;
  close(): void;
}

export function connectAgents(
  agents: Array<{ url: string; cookie: string }>,
  origin: string,
): AgentConsoles {
  const plans = new Map<string, Plan>();
  const winners = new Map<string, Won>();
  const figures = { rings: 0, accepts: 0, claimLost: 0, declines: 0, reconnects: 0 };
  const available = new Set<number>();
  const sockets = agents.map(({ url, cookie }, index) => {
    const socket: ConsoleSocket = io(url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin },
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
    });
    let connections = 0;
    socket.on('connect', () => {
      connections += 1;
      if (connections > 1) figures.reconnects += 1;
      // a console connects away; the agent clicks Available again
      void ask(socket, 'agent:set-status', { status: 'available' }).then((ack) => {
        if (ack.ok) available.add(index);
      });
    });
    socket.on('disconnect', () => available.delete(index));
    socket.on('call:ringing', (ring) => void onRing(index, socket, ring));
    return socket;
  });

  async function onRing(agent: number, socket: ConsoleSocket, ring: CallRingingPayload) {
    figures.rings += 1;
    const waId = (ring.caller.number ?? '').replace(/^\+/, '');
    const plan = plans.get(waId);
    if (plan === undefined || plan === 'ringing-hang-up') return;
    if (plan === 'decline') {
      figures.declines += 1;
      await ask(socket, 'call:decline', { callId: ring.callId });
      return;
    }
    if (winners.has(waId)) return;
    const claim = await ask(socket, 'call:accept', { callId: ring.callId });
    if (!claim.ok) {
      figures.claimLost += 1;
      return;
    }
    const answered = await ask(socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    if (!answered.ok) return;
    figures.accepts += 1;
    winners.set(waId, { agent, socket, callId: ring.callId });
  }

  return {
    plan: (waId, plan) => void plans.set(waId, plan),
    winner: (waId) => winners.get(waId),
    figures,
    async ready() {
      const deadline = Date.now() + 30_000;
      while (available.size < sockets.length) {
        if (Date.now() > deadline) throw new Error(`only ${available.size} agents available`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close() {
      for (const socket of sockets) socket.disconnect();
    },
  };
}
