import { formatNumber } from '../../i18n/formats';
import { t, type MessageKey } from '../../i18n/i18n';
import type { AgentStatus, CallQuality, CallState, CallView } from '@ringside/contracts';
import { waitingWords } from '../../ui/waiting-words';

const STATE_WORDS: Record<CallState, MessageKey> = {
  dialing: 'state.dialing',
  ringing: 'state.ringing',
  claimed: 'state.claimed',
  connecting: 'state.connecting',
  active: 'state.active',
  ended: 'state.ended',
};

/**
 * A live call's state as the board says it.
 *
 * @example
 * callStateWords('claimed'); // 'Being answered'
 */
export function callStateWords(state: CallState): string {
  return t(STATE_WORDS[state]);
}

/**
 * A live call's status as the board shows it: its state, or for a ringing call the media engine
 * answered because nobody was free, what the caller is doing meanwhile.
 *
 * @example
 * callStatusWords({ state: 'ringing', waiting: 'queued' }); // 'In queue'
 * callStatusWords({ state: 'ringing' }); // 'Ringing'
 */
export function callStatusWords(call: Pick<CallView, 'state' | 'waiting'>): string {
  return call.state === 'ringing' && call.waiting
    ? waitingWords(call.waiting)
    : callStateWords(call.state);
}

/**
 * What a live call's timer counts and from when (epoch ms): talk time once answered, waiting
 * time before. `undefined` when the server sent no usable time.
 *
 * @example
 * callClock({ ...call, state: 'active', answeredAt: '2026-03-01T10:00:05Z' }); // { label: 'Talking', since: 1772359205000 }
 */
export function callClock(call: CallView): { label: string; since: number } | undefined {
  const talking = call.state === 'active' && call.answeredAt !== undefined;
  const since = Date.parse((talking ? call.answeredAt : call.startedAt) ?? '');
  if (Number.isNaN(since)) return undefined;
  return { label: talking ? t('clock.talking') : t('clock.waiting'), since };
}

const GRADES: Record<CallQuality['level'], MessageKey> = {
  good: 'quality.good',
  fair: 'quality.fair',
  poor: 'quality.poor',
};

const STATUS_WORDS: Record<AgentStatus, MessageKey> = {
  available: 'agentStatus.available',
  away: 'agentStatus.away',
  busy: 'agentStatus.busy',
  'wrap-up': 'agentStatus.wrapUp',
  offline: 'agentStatus.offline',
};

/**
 * An agent's status on the board.
 *
 * @example
 * agentStatusWords('busy'); // 'On a call'
 */
export function agentStatusWords(status: AgentStatus): string {
  return t(STATUS_WORDS[status]);
}

/**
 * Live quality in a few words: the grade, and why when it is not good.
 *
 * @example
 * qualityWords({ level: 'poor', reason: 'packet loss 9.0 %', rttMs: 90, jitterMs: 8, lossPct: 9, mos: 2.4 }); // 'Poor: packet loss 9.0 %'
 * qualityWords(undefined); // 'Not measured yet'
 */
export function qualityWords(quality: CallQuality | undefined): string {
  if (!quality) return t('qualityWords.notYet');
  const grade = t(GRADES[quality.level]);
  return quality.reason ? t('qualityWords.withReason', { grade, reason: quality.reason }) : grade;
}

/**
 * The figures behind a quality grade, for a tooltip-free second line.
 *
 * @example
 * qualityFigures({ level: 'good', rttMs: 82.4, jitterMs: 3.21, lossPct: 0, mos: 4.31 }); // 'MOS 4.3 · RTT 82 ms · jitter 3.2 ms · loss 0.0 %'
 */
export function qualityFigures(quality: CallQuality): string {
  const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return t('qualityFigures', {
    mos: formatNumber(quality.mos, one),
    rtt: formatNumber(Math.round(quality.rttMs)),
    jitter: formatNumber(quality.jitterMs, one),
    loss: formatNumber(quality.lossPct, one),
  });
}
