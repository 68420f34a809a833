import { describe, expect, it } from 'vitest';
import { readMe } from './auth-api';

const me = {
  id: 'u1',
  email: 'agent1@demo.ringside.test',
  name: 'Alex Agent',
  role: 'agent',
  workspaceId: 'w1',
  workspaceName: 'Ringside Demo',
};

describe('readMe', () => {
  it('accepts the server’s reply, dropping extra fields', () => {
    expect(readMe({ ...me, extra: true })).toEqual(me);
  });

  it('refuses a reply with a missing or wrong field', () => {
    expect(readMe({ ...me, role: 'owner' })).toBeUndefined();
    expect(readMe({ ...me, id: '' })).toBeUndefined();
    const { workspaceName: _dropped, ...partial } = me;
    expect(readMe(partial)).toBeUndefined();
    expect(readMe(null)).toBeUndefined();
    expect(readMe([me])).toBeUndefined();
  });
});
