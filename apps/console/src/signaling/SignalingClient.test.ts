import { describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../state/types';
import { SignalingClient } from './SignalingClient';
import type { SignalingTransport, TransportLifecycle } from './transport';

class FakeTransport implements SignalingTransport {
  connected = false;
  opened = 0;
  lifecycle: TransportLifecycle | undefined;
  handlers = new Map<string, (payload: unknown) => void>();
  requests: { event: string; payload: unknown; timeoutMs: number }[] = [];
  answer: (event: string, payload: unknown) => Promise<unknown> = async () => ({ ok: true });
  open() {
    this.opened += 1;
  }
  close() {
    this.connected = false;
  }
  setLifecycle(lifecycle: TransportLifecycle) {
    this.lifecycle = lifecycle;
  }
  listen(event: string, handler: (payload: unknown) => void) {
    this.handlers.set(event, handler);
    return () => this.handlers.delete(event);
  }
  request(event: string, payload: unknown, timeoutMs: number) {
    this.requests.push({ event, payload, timeoutMs });
    return this.answer(event, payload);
  }
  up() {
    this.connected = true;
    this.lifecycle?.connect();
  }
  down(reason: string) {
    this.connected = false;
    this.lifecycle?.disconnect(reason);
  }
}

function setup() {
  const transport = new FakeTransport();
  const timers: (() => void)[] = [];
  const client = new SignalingClient({
    transport,
    ackTimeoutMs: 500,
    setTimer: (run) => timers.push(run),
    clearTimer: () => undefined,
  });
  const states: ConnectionState[] = [];
  client.onState((s) => states.push(s));
  return { transport, client, states, timers };
}

describe('SignalingClient', () => {
  it('passes a successful acknowledgement through', async () => {
    const { transport, client } = setup();
    client.connect();
    transport.up();
    transport.answer = async () => ({ ok: true, sdpResponse: 'v=0' });
    const result = await client.send('call:answer', { callId: 'c1', sdp: 'v=0' });
    expect(result).toEqual({ ok: true, sdpResponse: 'v=0' });
    expect(transport.requests[0]).toEqual({
      event: 'call:answer',
      payload: { callId: 'c1', sdp: 'v=0' },
      timeoutMs: 500,
    });
  });

  it('passes the server’s refusal through with its code and words', async () => {
    const { transport, client } = setup();
    client.connect();
    transport.up();
    transport.answer = async () => ({
      ok: false,
      error: { code: 'already_claimed', message: 'Bo answered this call.' },
    });
    expect(await client.send('call:accept', { callId: 'c1' })).toEqual({
      ok: false,
      error: { code: 'already_claimed', message: 'Bo answered this call.' },
    });
  });

  it('fails at once while offline instead of queueing the command', async () => {
    const { transport, client } = setup();
    client.connect();
    const result = await client.send('call:accept', { callId: 'c1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(transport.requests).toEqual([]);
  });

  it('turns a missing acknowledgement into a timeout result, never a throw', async () => {
    const { transport, client } = setup();
    client.connect();
    transport.up();
    transport.answer = () => Promise.reject(new Error('operation has timed out'));
    expect(await client.send('call:hangup', { callId: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
  });

  it('refuses an acknowledgement that is not the result union', async () => {
    const { transport, client } = setup();
    client.connect();
    transport.up();
    for (const reply of ['yes', null, { ok: 'true' }, { ok: false, error: 'bad' }]) {
      transport.answer = async () => reply;
      expect(await client.send('call:decline', { callId: 'c1' })).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    }
  });

  it('tracks connecting, connected, reconnecting, and tells listeners about a reconnect', () => {
    const { transport, client, states } = setup();
    const connected = vi.fn();
    client.onConnected(connected);
    client.connect();
    transport.up();
    transport.down('transport close');
    transport.up();
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(connected.mock.calls).toEqual([[false], [true]]);
  });

  it('goes offline and reports it when the server drops the session', () => {
    const { transport, client, states } = setup();
    const refused = vi.fn();
    client.onRefused(refused);
    client.connect();
    transport.up();
    transport.down('io server disconnect');
    expect(states.at(-1)).toBe('offline');
    expect(refused).toHaveBeenCalledWith('signed-out');
  });

  it('reports an unauthorized handshake without retrying', () => {
    const { transport, client, timers } = setup();
    const refused = vi.fn();
    client.onRefused(refused);
    client.connect();
    transport.lifecycle?.connectError('unauthorized', false);
    expect(refused).toHaveBeenCalledWith('unauthorized');
    expect(timers).toEqual([]);
  });

  it('retries by itself after a refusal socket.io will not retry', () => {
    const { transport, client, timers } = setup();
    client.connect();
    transport.lifecycle?.connectError('server unavailable', false);
    expect(transport.opened).toBe(1);
    timers[0]?.();
    expect(transport.opened).toBe(2);
  });

  it('says when the server refuses a console over the per-user cap, and keeps retrying', () => {
    const { transport, client, states, timers } = setup();
    const refused = vi.fn();
    client.onRefused(refused);
    client.connect();
    transport.lifecycle?.connectError('too many consoles', false);
    expect(states.at(-1)).toBe('too-many-consoles');
    // not a sign-out: the session is fine, another console has to close first
    expect(refused).not.toHaveBeenCalled();
    timers[0]?.();
    expect(transport.opened).toBe(2);
    transport.up();
    expect(states.at(-1)).toBe('connected');
  });

  it('ignores a server event whose payload is not an object', () => {
    const { transport, client } = setup();
    const handler = vi.fn();
    client.on('call:claimed', handler);
    transport.handlers.get('call:claimed')?.('oops');
    transport.handlers.get('call:claimed')?.({ callId: 'c1', by: { userId: 'u2', name: 'Bo' } });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('does nothing on transport events after disconnect()', () => {
    const { transport, client, states } = setup();
    client.connect();
    transport.up();
    client.disconnect();
    transport.down('io client disconnect');
    expect(states).toEqual(['connecting', 'connected', 'idle']);
  });
});
