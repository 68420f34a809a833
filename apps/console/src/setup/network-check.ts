import { formatNumber } from '../i18n/formats';
import { t } from '../i18n/i18n';
import type { CheckResult, Verdict } from './check-result';
import type { PathFigures } from './round-trip';

/**
 * Limits in the spirit of ITU-T G.114 and the preflight tests of Twilio and Amazon Connect: a
 * round trip past 300 ms makes people talk over each other, past 700 ms a conversation breaks
 * down; past 3 % lost audio is choppy, past 10 % words go missing; a jitter past 30 ms stutters.
 */
export const LIMITS = {
  rttWarnMs: 300,
  rttFailMs: 700,
  lossWarnPct: 3,
  lossFailPct: 10,
  jitterWarnMs: 30,
} as const;

const fix = () => t('net.fix');

const ms = (value: number) => `${formatNumber(Math.round(value))} ms`;
const pct = (value: number) =>
  `${
    value < 10
      ? formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : formatNumber(Math.round(value))
  } %`;

/**
 * The verdict on round trip, jitter and loss measured through the relay server.
 *
 * @example
 * judgeRelayPath({ rttMs: 40, jitterMs: 3, lossPct: 0 }).verdict; // 'pass'
 */
export function judgeRelayPath(figures: PathFigures): CheckResult {
  const { rttMs, jitterMs, lossPct } = figures;
  const shown = [
    t('net.roundTrip', { value: ms(rttMs) }),
    t('net.lost', { value: pct(lossPct) }),
    t('net.jitter', { value: ms(jitterMs) }),
  ];
  const problems: string[] = [];
  let verdict: Verdict = 'pass';
  if (lossPct > LIMITS.lossFailPct || rttMs > LIMITS.rttFailMs) verdict = 'fail';
  else if (
    lossPct > LIMITS.lossWarnPct ||
    rttMs > LIMITS.rttWarnMs ||
    jitterMs > LIMITS.jitterWarnMs
  )
    verdict = 'warn';
  if (lossPct > LIMITS.lossWarnPct) problems.push(t('net.lossProblem', { value: pct(lossPct) }));
  if (rttMs > LIMITS.rttWarnMs) problems.push(t('net.rttProblem', { value: ms(rttMs) }));
  if (jitterMs > LIMITS.jitterWarnMs)
    problems.push(t('net.jitterProblem', { value: ms(jitterMs) }));
  if (verdict === 'pass') {
    return {
      id: 'network',
      verdict,
      summary: t('net.good'),
      figures: shown,
    };
  }
  return { id: 'network', verdict, summary: problems.join(' '), fix: fix(), figures: shown };
}

/** HTTP round trips to Ringside's own server: when there is no relay to measure through */
export interface ServerPings {
  asked: number;
  rttsMs: number[];
}

/**
 * The verdict on round trip to Ringside's server over HTTP. Loss cannot be measured this way
 * (HTTP retransmits what is lost), and the words say so.
 *
 * @example
 * judgeServerPath({ asked: 8, rttsMs: [20, 22, 21, 19, 20, 25, 20, 21] }).verdict; // 'pass'
 */
export function judgeServerPath(pings: ServerPings): CheckResult {
  const sorted = [...pings.rttsMs].sort((a, b) => a - b);
  if (sorted.length === 0) {
    return {
      id: 'network',
      verdict: 'fail',
      summary: t('net.noAnswer', { asked: pings.asked }),
      fix: t('net.noAnswerFix'),
    };
  }
  const rttMs = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const unanswered = pings.asked - sorted.length;
  const figures = [t('net.roundTrip', { value: ms(rttMs) }), t('net.lostUnmeasurable')];
  const note = t('net.note');
  if (rttMs > LIMITS.rttWarnMs || unanswered > 0) {
    const slow = rttMs > LIMITS.rttWarnMs;
    return {
      id: 'network',
      verdict: rttMs > LIMITS.rttFailMs ? 'fail' : 'warn',
      summary: [
        slow ? t('net.slow', { value: ms(rttMs) }) : t('net.takes', { value: ms(rttMs) }),
        unanswered > 0 ? t('net.unanswered', { unanswered, asked: pings.asked }) : '',
        note,
      ]
        .filter(Boolean)
        .join(' '),
      fix: fix(),
      figures,
    };
  }
  return {
    id: 'network',
    verdict: 'pass',
    summary: t('net.fine', { value: ms(rttMs), note }),
    figures,
  };
}
