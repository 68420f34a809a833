// the socket fleet's call work for the capacity bench: agents taking calls to the active state,
// and bursts of calls ringing at once
import type { CallRingingPayload, ServerToClientEvents } from '@ringside/contracts';
import { businessAnswerFor } from '../src/testing/business-sdp';
import type { ConsoleSocket } from './fleet-sockets';
import { createPoster } from './http-post';
import type { FleetCall, FleetReply, FleetRequest } from './socket-fleet-protocol';
import { elapsedMs } from './stats';

const now = () => process.hrtime.bigint();

/**
 * Each call's connect webhook is posted; its own agent (the next socket of `from`) accepts it
 * when it rings, answers with a browser-shaped SDP, and once the server says the call is active
 * the socket moves to `to`. `atOnce` calls are under way together.
 */
export async function takeCalls(
  groups: Map<string, ConsoleSocket[]>,
  request: Extract<FleetRequest, { kind: 'take-calls' }>,
): Promise<FleetReply> {
  const from = groups.get(request.from) ?? [];
  const to = groups.get(request.to) ?? [];
  groups.set(request.to, to);
  if (from.length < request.calls.length) {
    throw new Error(`${request.calls.length} calls but ${from.length} sockets in ${request.from}`);
  }
  const poster = createPoster(request.webhookUrl, request.atOnce);
  const setupMs: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < request.calls.length; i = next++) {
      const call = request.calls[i];
      const socket = from.shift();
      if (!call || !socket) return;
      const started = now();
      await takeOne(socket, call, request.timeoutMs, (body, headers) => poster.post(body, headers));
      setupMs.push(elapsedMs(started, now()));
      to.push(socket);
    }
  };
  try {
    await Promise.all(Array.from({ length: request.atOnce }, worker));
  } finally {
    poster.close();
  }
  return { kind: 'taken', setupMs };
}

async function takeOne(
  socket: ConsoleSocket,
  call: FleetCall,
  timeoutMs: number,
  post: (body: string, headers: Record<string, string>) => Promise<number>,
): Promise<void> {
  const ringing = waitFor(
    socket,
    'call:ringing',
    (payload: CallRingingPayload) => payload.caller.number === call.callerNumber,
    timeoutMs,
    `call:ringing from ${call.callerNumber}`,
  );
  const status = await post(call.body, call.headers);
  if (status !== 200) throw new Error(`the connect webhook answered ${status}`);
  const ring = await ringing;
  await command(socket, 'call:accept', { callId: ring.callId }, timeoutMs);
  const active = waitFor(
    socket,
    'call:updated',
    (view) => view.id === ring.callId && view.state === 'active',
    timeoutMs,
    `call ${ring.callId} to become active`,
  );
  const sdp = businessAnswerFor(ring.sdpOffer ?? '');
  await command(socket, 'call:answer', { callId: ring.callId, sdp }, timeoutMs);
  await active;
}

/**
 * Posts every call's connect webhook at once and times each until every socket of `group` has
 * its `call:ringing`; then the callers hang up and it waits for each call's `call:ended` on
 * every socket (untimed), so the next burst starts quiet.
 */
export async function burst(
  groups: Map<string, ConsoleSocket[]>,
  request: Extract<FleetRequest, { kind: 'burst' }>,
): Promise<FleetReply> {
  const sockets = groups.get(request.group) ?? [];
  if (sockets.length === 0) throw new Error(`no sockets in group ${request.group}`);
  const poster = createPoster(request.webhookUrl, request.calls.length);
  const expected = sockets.length;
  // per caller: how many sockets have it, and when the last one got it
  const rung = new Map<string, { count: number; last: bigint; callId: string }>();
  const ended = new Map<string, number>();
  const onRinging = (payload: CallRingingPayload) => {
    const caller = payload.caller.number ?? '';
    const seen = rung.get(caller) ?? { count: 0, last: 0n, callId: payload.callId };
    seen.count += 1;
    seen.last = now();
    rung.set(caller, seen);
  };
  const onEnded = ({ callId }: { callId: string }) =>
    ended.set(callId, (ended.get(callId) ?? 0) + 1);
  for (const socket of sockets) {
    socket.on('call:ringing', onRinging);
    socket.on('call:ended', onEnded);
  }
  try {
    const started = now();
    const statuses = await Promise.all(request.calls.map((c) => poster.post(c.body, c.headers)));
    const failed = statuses.filter((s) => s !== 200).length;
    if (failed > 0) throw new Error(`${failed} connect webhooks were not answered 200`);
    const all = () =>
      request.calls.every((c) => (rung.get(c.callerNumber)?.count ?? 0) >= expected);
    await until(all, request.timeoutMs);
    const latencyMs = request.calls.map((c) => {
      const seen = rung.get(c.callerNumber);
      return seen && seen.count >= expected ? elapsedMs(started, seen.last) : Number.NaN;
    });
    const missing = latencyMs.filter((ms) => Number.isNaN(ms)).length;

    const hangUps = await Promise.all(
      request.calls.map((c) => poster.post(c.hangUp.body, c.hangUp.headers)),
    );
    if (hangUps.some((s) => s !== 200)) throw new Error('a hang-up webhook was not answered 200');
    const callIds = [...rung.values()].map((seen) => seen.callId);
    await until(() => callIds.every((id) => (ended.get(id) ?? 0) >= expected), request.timeoutMs);
    if (missing > 0) {
      throw new Error(`${missing} of ${request.calls.length} calls did not ring every socket`);
    }
    return { kind: 'burst', latencyMs };
  } finally {
    for (const socket of sockets) {
      socket.off('call:ringing', onRinging);
      socket.off('call:ended', onEnded);
    }
    poster.close();
  }
}

function waitFor<E extends 'call:ringing' | 'call:updated'>(
  socket: ConsoleSocket,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean,
  timeoutMs: number,
  what: string,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  type Payload = Parameters<ServerToClientEvents[E]>[0];
  return new Promise((resolve, reject) => {
    const listener = (payload: Payload) => {
      if (!match(payload)) return;
      done();
      resolve(payload);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      socket.off(event, listener as never);
    };
    socket.on(event, listener as never);
  });
}

function command(
  socket: ConsoleSocket,
  name: 'call:accept' | 'call:answer',
  payload: { callId: string; sdp?: string },
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const ack = (error: Error | null, result: { ok: boolean; error?: { message: string } }) => {
      if (error) reject(new Error(`${name} was not acknowledged`));
      else if (!result.ok) reject(new Error(`${name} refused: ${result.error?.message ?? '?'}`));
      else resolve();
    };
    socket.timeout(timeoutMs).emit(name, payload as never, ack as never);
  });
}

// polls a condition the socket listeners make true; bounded by `timeoutMs`
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}
