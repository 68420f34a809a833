import { describe, expect, it } from 'vitest';
import { derivePhase } from './session-phase';

describe('derivePhase', () => {
  it.each([
    ['new', 'new', 'preparing'],
    ['prepared', 'connecting', 'preparing'],
    ['sent', 'connected', 'connecting'],
    ['accepted', 'connecting', 'connecting'],
    ['accepted', 'connected', 'active'],
    ['accepted', 'disconnected', 'reconnecting'],
    ['sent', 'disconnected', 'reconnecting'],
    ['sent', 'failed', 'failed'],
    ['accepted', 'closed', 'closed'],
    ['failed', 'connected', 'failed'],
    ['closed', 'connected', 'closed'],
  ] as const)('%s + %s → %s', (step, connection, phase) => {
    expect(derivePhase(step, connection)).toBe(phase);
  });
});
