import { describe, expect, it } from 'vitest';
import type { ChannelListing } from '../../repos/channel-rows';
import { channelRecord } from '../../testing/channel-record';
import { answersChannel, dialableChannels } from './dial-channels';

function channel(over: Partial<ChannelListing>): ChannelListing {
  return {
    ...channelRecord({ id: 'ch', workspaceId: 'w', externalId: '1150', wabaId: '1142' }),
    assignedUserIds: [],
    ...over,
  };
}

describe('where a user may call from', () => {
  it('a channel nobody is assigned to is everyone’s; an assigned one only its users’', () => {
    expect(answersChannel(channel({}), 'asha')).toBe(true);
    expect(answersChannel(channel({ assignedUserIds: ['ben'] }), 'asha')).toBe(false);
    expect(answersChannel(channel({ assignedUserIds: ['ben', 'asha'] }), 'asha')).toBe(true);
  });

  it('lists enabled channels the user answers, labelled by number or Page name', () => {
    const listed = dialableChannels(
      [
        channel({ id: 'wa' }),
        channel({ id: 'page', kind: 'messenger', displayNumber: null, name: 'Acme Page' }),
        channel({ id: 'off', enabled: false }),
        channel({ id: 'bens', assignedUserIds: ['ben'] }),
      ],
      'asha',
    );
    expect(listed).toEqual([
      { id: 'wa', channel: 'whatsapp', label: '+15550100100' },
      { id: 'page', channel: 'messenger', label: 'Acme Page' },
    ]);
  });
});
