import { describe, expect, it } from 'vitest';
import { classifyMediaError } from './media-errors';

const named = (name: string) => new DOMException('x', name);

describe('classifyMediaError', () => {
  it('tells a blocked microphone how to allow it', () => {
    const problem = classifyMediaError(named('NotAllowedError'));
    expect(problem.state).toBe('denied');
    expect(problem.message).toContain('Allow the microphone');
  });

  it('tells a missing microphone to plug one in', () => {
    expect(classifyMediaError(named('NotFoundError')).state).toBe('missing');
    expect(classifyMediaError(named('OverconstrainedError')).state).toBe('missing');
  });

  it('tells a busy microphone to close the other app', () => {
    expect(classifyMediaError(named('NotReadableError')).state).toBe('busy');
  });

  it('has words for anything else, even a non-error', () => {
    expect(classifyMediaError('weird').state).toBe('error');
    expect(classifyMediaError(null).state).toBe('error');
  });
});
