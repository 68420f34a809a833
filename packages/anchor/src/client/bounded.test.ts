import { afterEach, describe, expect, it, vi } from 'vitest';
import { bounded } from './bounded';

describe('bounded', () => {
  afterEach(() => vi.useRealTimers());

  it('passes an answer through', async () => {
    await expect(bounded(Promise.resolve(7), 'asking')).resolves.toBe(7);
  });

  it('fails a request the engine never answers, naming it', async () => {
    vi.useFakeTimers();
    const pending = bounded(new Promise(() => undefined), 'creating the room of call-42', 500);
    const settled = expect(pending).rejects.toMatchObject({
      code: 'request_failed',
      message: 'creating the room of call-42: no answer within 500 ms',
    });
    await vi.advanceTimersByTimeAsync(500);
    await settled;
  });

  it("keeps the request's own failure", async () => {
    await expect(bounded(Promise.reject(new Error('403 unauthorized')), 'muting')).rejects.toThrow(
      '403 unauthorized',
    );
  });
});
