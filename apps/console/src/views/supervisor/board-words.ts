import type { AgentStatus, CallQuality, CallState, CallView } from '@ringside/contracts';

const STATE_WORDS: Record<CallState, string> = {
  dialing: 'Dialing',
  ringing: 'Ringing',
  claimed: 'Being answered',
  connecting: 'Connecting',
  active: 'Talking',
  ended: 'Ended',
};

/**
 * A live call's state as the board says it.
 *
 * @example
 * callStateWords('claimed'); // 'Being answered'
 */
export function callStateWords(state: CallState): string {
  return STATE_WORDS[state];
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
  return { label: talking ? 'Talking' : 'Waiting', since };
}

const STATUS_WORDS: Record<AgentStatus, string> = {
  available: 'Available',
  away: 'Away',
  busy: 'On a call',
  'wrap-up': 'After-call work',
  offline: 'Offline',
};

/**
 * An agent's status on the board.
 *
 * @example
 * agentStatusWords('busy'); // 'On a call'
 */
export function agentStatusWords(status: AgentStatus): string {
  return STATUS_WORDS[status];
}

/**
 * Live quality in a few words: the grade, and why when it is not good.
 *
 * @example
 * qualityWords({ level: 'poor', reason: 'packet loss 9.0 %', rttMs: 90, jitterMs: 8, lossPct: 9, mos: 2.4 }); // 'Poor: packet loss 9.0 %'
 * qualityWords(undefined); // 'Not measured yet'
 */
export function qualityWords(quality: CallQuality | undefined): string {
  if (!quality) return 'Not measured yet';
  const grade = quality.level.charAt(0).toUpperCase() + quality.level.slice(1);
  return quality.reason ? `${grade}: ${quality.reason}` : grade;
}

/**
 * The figures behind a quality grade, for a tooltip-free second line.
 *
 * @example
 * qualityFigures({ level: 'good', rttMs: 82.4, jitterMs: 3.21, lossPct: 0, mos: 4.31 }); // 'MOS 4.3 · RTT 82 ms · jitter 3.2 ms · loss 0.0 %'
 */
export function qualityFigures(quality: CallQuality): string {
  return [
    `MOS ${quality.mos.toFixed(1)}`,
    `RTT ${Math.round(quality.rttMs)} ms`,
    `jitter ${quality.jitterMs.toFixed(1)} ms`,
    `loss ${quality.lossPct.toFixed(1)} %`,
  ].join(' · ');
}
