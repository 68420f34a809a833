import type {
  AdminChannelView,
  RingStrategy,
  UserView,
  WhenNobodyAvailableOption,
  WrapUpMode,
} from '@ringside/contracts';

/** ring strategies, as the form offers them */
export const RING_STRATEGY_WORDS: Record<RingStrategy, string> = {
  all: 'All available agents at once',
  'longest-idle': 'Longest-idle agent first, one at a time',
};

/** what happens when nobody can take a call, as the form offers it */
export const WHEN_NOBODY_WORDS: Record<WhenNobodyAvailableOption, string> = {
  'keep-ringing': 'Keep ringing until the ring timeout',
  reject: 'Reject the call at once',
};

/** after-call work, as the admin chooses it */
export const WRAP_UP_WORDS: Record<WrapUpMode, string> = {
  off: 'None: ring the agent again at once',
  timed: 'For a set time (or until they save)',
  'until-save': 'Until they save their notes',
};

/**
 * Who answers a channel, by name: its assignees, or everyone when it has none.
 *
 * @example
 * whoAnswers(channel, users); // 'Asha, Bo' or 'Every agent of the workspace'
 */
export function whoAnswers(channel: AdminChannelView, users: readonly UserView[]): string {
  if (channel.assignedUserIds.length === 0) return 'Every agent of the workspace';
  return channel.assignedUserIds
    .map((id) => users.find((u) => u.id === id)?.name ?? 'someone no longer listed')
    .join(', ');
}

/**
 * How a channel rings, in a line.
 *
 * @example
 * ringSummary(channel); // 'All available agents at once · rings up to 45 s · nobody available: keep ringing until the ring timeout'
 */
export function ringSummary(channel: AdminChannelView): string {
  const parts = [
    RING_STRATEGY_WORDS[channel.ringStrategy],
    ...(channel.ringStrategy === 'longest-idle' ? [`${channel.agentTimeoutSec} s each`] : []),
    `rings up to ${channel.ringTimeoutSec} s`,
    `nobody available: ${WHEN_NOBODY_WORDS[channel.whenNobodyAvailable].toLowerCase()}`,
    ...(channel.wrapUp === 'timed' ? [`${channel.wrapUpSec} s after-call work`] : []),
    ...(channel.wrapUp === 'until-save' ? ['after-call work until saved'] : []),
  ];
  return parts.join(' · ');
}

/**
 * The channel's Meta ids, as an admin would look them up.
 *
 * @example
 * channelIds(whatsapp); // 'Phone number id 115017831530658 · WABA 114255454940862'
 */
export function channelIds(channel: AdminChannelView): string {
  if (channel.channel === 'messenger') return `Page id ${channel.pageId ?? 'unknown'}`;
  return [
    `Phone number id ${channel.phoneNumberId ?? 'unknown'}`,
    ...(channel.wabaId ? [`WABA ${channel.wabaId}`] : []),
  ].join(' · ');
}
