import { userViewSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { readItems, readWith, segment } from './read-schema';

const asha = {
  id: 'u1',
  email: 'asha@example.com',
  name: 'Asha',
  role: 'agent',
  workspaceId: 'w1',
  disabled: false,
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('reply readers', () => {
  it('reads a reply that fits its schema, dropping unknown fields', () => {
    expect(readWith(userViewSchema)({ ...asha, passwordHash: 'never shown' })).toEqual(asha);
    expect(readWith(userViewSchema)({ ...asha, role: 'owner' })).toBeUndefined();
  });

  it('reads a list only when every item fits', () => {
    const read = readItems(userViewSchema);
    expect(read({ items: [asha] })).toEqual([asha]);
    expect(read({ items: [] })).toEqual([]);
    expect(read({ items: [asha, { ...asha, email: 'nope' }] })).toBeUndefined();
    expect(read([asha])).toBeUndefined();
    expect(read({ items: 'x' })).toBeUndefined();
  });

  it('escapes ids so they cannot reach another route', () => {
    expect(segment('u/../admin')).toBe('u%2F..%2Fadmin');
  });
});
