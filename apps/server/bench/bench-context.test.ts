import { describe, expect, it } from 'vitest';
import { within } from './bench-context';

describe('within', () => {
  it('passes on what settles in time', async () => {
    await expect(within(Promise.resolve(7), 1_000, 'seven')).resolves.toBe(7);
    await expect(within(Promise.reject(new Error('no')), 1_000, 'seven')).rejects.toThrow('no');
  });

  it('gives up on what does not, naming it', async () => {
    const never = new Promise<never>(() => {});
    await expect(within(never, 20, 'the backlog to drain')).rejects.toThrow(
      'timed out after 20 ms waiting for the backlog to drain',
    );
  });
});
