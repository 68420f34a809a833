import { describe, expect, it } from 'vitest';
import { readDialableChannels, readMe } from './auth-api';

const me = {
  id: 'u1',
  email: 'agent1@demo.ringside.test',
  name: 'Alex Agent',
  role: 'agent',
  workspaceId: 'w1',
  workspaceName: 'Ringside Demo',
  channels: [{ id: 'ch1', channel: 'whatsapp', label: '+1 555 010 0001' }],
  locale: 'pt-BR',
};

describe('readMe', () => {
  it('accepts the server’s reply, dropping extra fields', () => {
    expect(readMe({ ...me, extra: true })).toEqual(me);
  });

  it('reads a language it does not speak, or none, as no choice (follow the browser)', () => {
    expect(readMe({ ...me, locale: 'fr' })?.locale).toBeNull();
    const { locale: _dropped, ...older } = me;
    expect(readMe(older)?.locale).toBeNull();
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

describe('readDialableChannels', () => {
  it('keeps the channels it can read and drops the rest, so sign-in never depends on them', () => {
    expect(
      readDialableChannels([
        { id: 'ch1', channel: 'whatsapp', label: '+1 555 010 0001', extra: 1 },
        { id: 'ch2', channel: 'messenger', label: 'Acme Support' },
        { id: 'ch3', channel: 'sms', label: 'Text' },
        { id: '', channel: 'whatsapp', label: 'x' },
        'ch4',
      ]),
    ).toEqual([
      { id: 'ch1', channel: 'whatsapp', label: '+1 555 010 0001' },
      { id: 'ch2', channel: 'messenger', label: 'Acme Support' },
    ]);
  });

  it('reads a reply from a server without the list as no channels to call from', () => {
    const { channels: _dropped, ...older } = me;
    expect(readMe(older)).toEqual({ ...me, channels: [] });
  });
});
