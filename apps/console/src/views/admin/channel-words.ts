import { currentLocale, lazyWords, t } from '../../i18n/i18n';
import type {
  AdminChannelView,
  RingStrategy,
  UserView,
  WhenNobodyAvailableOption,
  WrapUpMode,
} from '@ringside/contracts';
import { DEFAULT_QUEUE_LIMIT_SEC } from './channel-queue';

/** ring strategies, as the form offers them */
export const RING_STRATEGY_WORDS: Record<RingStrategy, string> = lazyWords({
  all: 'channel.ring.all',
  'longest-idle': 'channel.ring.longestIdle',
});

/** what happens when nobody can take a call, as the form offers it */
export const WHEN_NOBODY_WORDS: Record<WhenNobodyAvailableOption, string> = lazyWords({
  'keep-ringing': 'channel.nobody.keepRinging',
  reject: 'channel.nobody.reject',
  queue: 'channel.nobody.queue',
});

/** after-call work, as the admin chooses it */
export const WRAP_UP_WORDS: Record<WrapUpMode, string> = lazyWords({
  off: 'channel.wrapUp.off',
  timed: 'channel.wrapUp.timed',
  'until-save': 'channel.wrapUp.untilSave',
});

/**
 * Who answers a channel, by name: its assignees, or everyone when it has none.
 *
 * @example
 * whoAnswers(channel, users); // 'Asha, Bo' or 'Every agent of the workspace'
 */
export function whoAnswers(channel: AdminChannelView, users: readonly UserView[]): string {
  if (channel.assignedUserIds.length === 0) return t('channel.everyAgent');
  return channel.assignedUserIds
    .map((id) => users.find((u) => u.id === id)?.name ?? t('channel.someoneGone'))
    .join(', ');
}

/**
 * How a channel rings, in a line.
 *
 * @example
 * ringSummary(channel); // 'All available agents at once · rings up to 45 s · nobody available: keep ringing until the ring timeout'
 * ringSummary(queueing); // '… · nobody available: queue callers for up to 120 s, then voicemail'
 */
export function ringSummary(channel: AdminChannelView): string {
  const parts = [
    RING_STRATEGY_WORDS[channel.ringStrategy],
    ...(channel.ringStrategy === 'longest-idle'
      ? [t('channel.each', { sec: channel.agentTimeoutSec })]
      : []),
    t('channel.ringsUpTo', { sec: channel.ringTimeoutSec }),
    nobodySummary(channel),
    ...(channel.wrapUp === 'timed' ? [t('channel.wrapUpSec', { sec: channel.wrapUpSec })] : []),
    ...(channel.wrapUp === 'until-save' ? [t('channel.wrapUpUntilSaved')] : []),
  ];
  return parts.join(' · ');
}

function nobodySummary(channel: AdminChannelView): string {
  if (channel.whenNobodyAvailable === 'queue') {
    return t('channel.nobodyQueue', {
      sec: channel.queueLimitSec ?? DEFAULT_QUEUE_LIMIT_SEC,
    });
  }
  return t('channel.nobodyAvailable', {
    what: WHEN_NOBODY_WORDS[channel.whenNobodyAvailable].toLocaleLowerCase(currentLocale()),
  });
}

/**
 * The channel's Meta ids, as an admin would look them up.
 *
 * @example
 * channelIds(whatsapp); // 'Phone number id 115017831530658 · WABA 114255454940862'
 */
export function channelIds(channel: AdminChannelView): string {
  if (channel.channel === 'messenger') {
    return t('channel.pageId', { id: channel.pageId ?? t('format.unknown') });
  }
  return [
    t('channel.phoneId', { id: channel.phoneNumberId ?? t('format.unknown') }),
    ...(channel.wabaId ? [`WABA ${channel.wabaId}`] : []),
  ].join(' · ');
}
