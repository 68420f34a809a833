import { CLIENT_COMMAND_SCHEMAS } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';

const stack = useStack();

describe('a command sent with an acknowledgement but not as the console sends it', () => {
  it('with no payload at all: every command answers invalid_payload instead of never answering', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Asha');
    for (const event of Object.keys(CLIENT_COMMAND_SCHEMAS)) {
      const ack = await (
        agent.socket.timeout(2_000).emitWithAck as (e: string) => Promise<unknown>
      )(event);
      expect(ack, event).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
  });

  it('with extra arguments: the payload is read and the acknowledgement still comes', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Ben');
    const ack = await (
      agent.socket.timeout(2_000).emitWithAck as (...args: unknown[]) => Promise<unknown>
    )('agent:set-status', { status: 'away' }, 'extra', 42);
    expect(ack).toEqual({ ok: true });
  });

  it('named after an Object property (constructor, toString, __proto__): the server stays up', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Chen');
    for (const event of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      agent.socket.emit(event as 'call:accept', { callId: 'x' }, () => undefined);
    }
    const ack = await agent.socket
      .timeout(2_000)
      .emitWithAck('agent:set-status', { status: 'away' });
    expect(ack).toEqual({ ok: true });
    expect((await fetch(`${stack().url}/healthz`)).status).toBe(200);
  });
});
