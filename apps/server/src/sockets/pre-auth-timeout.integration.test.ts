import { describe, expect, it } from 'vitest';
import { ORIGIN, useStack } from '../testing/test-stack';

const PRE_AUTH_TIMEOUT_MS = 300;
const stack = useStack({ limits: { preAuthTimeoutMs: PRE_AUTH_TIMEOUT_MS } });

/**
 * the packets of a long-poll reply, without Engine.IO's noops ("6"): a server that closes a
 * polling transport may send one ahead of the close, and it means nothing
 */
function packetsOf(payload: string): string[] {
  return payload.split('\x1e').filter((packet) => packet !== '6');
}

/** opens an Engine.IO long-polling connection (the transport under Socket.IO) and returns its id */
async function openTransport(): Promise<{ poll: (body?: string) => Promise<string> }> {
  const base = `${stack().url}/socket.io/?EIO=4&transport=polling`;
  const res = await fetch(base, { headers: { origin: ORIGIN } });
  const open = await res.text();
  const { sid } = JSON.parse(open.slice(1)) as { sid: string };
  return {
    async poll(body) {
      const reply = await fetch(`${base}&sid=${sid}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8' },
        ...(body === undefined ? {} : { body }),
      });
      return reply.text();
    },
  };
}

// engine.io packets: "1" close; socket.io packets ride in "4" messages: "40" connect, "44" connect error
describe('a connection that never signs in', () => {
  it('is dropped when it never asks to join', async () => {
    // the server's clock starts when it opens the transport, so count from before asking for it
    // (counting from after the reply came back fails when a busy machine delays that reply)
    const started = Date.now();
    const transport = await openTransport();
    // a long poll answers when the server has something to say: here, that it closes
    expect(packetsOf(await transport.poll())).toEqual(['1']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(PRE_AUTH_TIMEOUT_MS - 50);
  }, 5_000);

  it('is dropped after it is refused for want of a session, not left open to try again', async () => {
    const transport = await openTransport();
    expect(await transport.poll('40')).toBe('ok');
    const [refusal] = packetsOf(await transport.poll());
    expect(refusal).toMatch(/^44/);
    expect(refusal).toContain('unauthorized');
    expect(packetsOf(await transport.poll())).toEqual(['1']);
  }, 5_000);
});
