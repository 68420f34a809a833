import { describe, expect, it } from 'vitest';
import { startChild } from './child';
import type { EchoRequest } from './echo-child';

const ECHO = new URL('./echo-child.ts', import.meta.url);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startChild', () => {
  it('runs the script in another process and answers requests in turn', async () => {
    const child = await startChild<EchoRequest, { heard: string; pid: number }>(ECHO);
    try {
      const [a, b] = await Promise.all([
        child.request({ say: 'one' }, 5_000),
        child.request({ say: 'two' }, 5_000),
      ]);
      expect([a.heard, b.heard]).toEqual(['one', 'two']);
      expect(a.pid).not.toBe(process.pid);
    } finally {
      await child.close();
    }
  });

  it('turns the child’s failure into a rejection with its message', async () => {
    const child = await startChild<EchoRequest, unknown>(ECHO);
    try {
      await expect(child.request({ fail: 'no such group' }, 5_000)).rejects.toThrow(
        'no such group',
      );
      // and keeps serving
      await expect(child.request({ say: 'still here' }, 5_000)).resolves.toMatchObject({
        heard: 'still here',
      });
    } finally {
      await child.close();
    }
  });

  it('gives up on a request that takes too long', async () => {
    const child = await startChild<EchoRequest, unknown>(ECHO);
    try {
      await expect(child.request({ hang: true }, 100)).rejects.toThrow('within 100 ms');
    } finally {
      await child.close();
    }
  });

  it('rejects what was pending when the child dies', async () => {
    const child = await startChild<EchoRequest, unknown>(ECHO);
    await expect(child.request({ die: 3 }, 5_000)).rejects.toThrow('exited (3)');
    await child.close();
  });

  it('ends the process on close, even one busy with a request', async () => {
    const child = await startChild<EchoRequest, { pid: number }>(ECHO);
    const { pid } = await child.request({ say: 'pid' }, 5_000);
    const hanging = child.request({ hang: true }, 30_000).catch((error: unknown) => error);
    await child.close();
    expect(isAlive(pid)).toBe(false);
    expect(await hanging).toBeInstanceOf(Error);
    await expect(child.request({ say: 'late' }, 1_000)).rejects.toThrow();
  });
});
