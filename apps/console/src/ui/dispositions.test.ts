import { describe, expect, it } from 'vitest';
import { dispositionLabel } from './dispositions';

describe('dispositionLabel', () => {
  it('words known dispositions and keeps unknown ones as stored', () => {
    expect(dispositionLabel('follow-up')).toBe('Follow-up needed');
    expect(dispositionLabel('vip')).toBe('vip');
  });
});
