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

const FIX =
  'Use a wired connection instead of Wi-Fi, or sit closer to the router; pause video calls, uploads and large downloads; if you use a VPN, ask whether calls can bypass it.';

const ms = (value: number) => `${Math.round(value)} ms`;
const pct = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} %`;

/**
 * The verdict on round trip, jitter and loss measured through the relay server.
 *
 * @example
 * judgeRelayPath({ rttMs: 40, jitterMs: 3, lossPct: 0 }).verdict; // 'pass'
 */
export function judgeRelayPath(figures: PathFigures): CheckResult {
  const { rttMs, jitterMs, lossPct } = figures;
  const shown = [
    `Round trip: ${ms(rttMs)}`,
    `Packets lost: ${pct(lossPct)}`,
    `Jitter: ${ms(jitterMs)}`,
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
  if (lossPct > LIMITS.lossWarnPct)
    problems.push(
      `${pct(lossPct)} of the audio would be lost, so callers would hear you break up.`,
    );
  if (rttMs > LIMITS.rttWarnMs)
    problems.push(
      `Sound takes ${ms(rttMs)} there and back, so you and callers would talk over each other.`,
    );
  if (jitterMs > LIMITS.jitterWarnMs)
    problems.push(`The delay varies by ${ms(jitterMs)}, so audio may stutter.`);
  if (verdict === 'pass') {
    return {
      id: 'network',
      verdict,
      summary: 'Your connection to the relay server is good enough for clear calls.',
      figures: shown,
    };
  }
  return { id: 'network', verdict, summary: problems.join(' '), fix: FIX, figures: shown };
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
      summary: `Ringside's server did not answer any of ${pings.asked} tries.`,
      fix: 'Check you are online and reload the page; if other sites work, ask your IT team whether this address is blocked.',
    };
  }
  const rttMs = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const unanswered = pings.asked - sorted.length;
  const figures = [
    `Round trip: ${ms(rttMs)}`,
    'Packets lost: not measurable without a relay server',
  ];
  const note =
    'Without a relay server the browser cannot measure lost packets; each call shows its own quality.';
  if (rttMs > LIMITS.rttWarnMs || unanswered > 0) {
    const slow = rttMs > LIMITS.rttWarnMs;
    return {
      id: 'network',
      verdict: rttMs > LIMITS.rttFailMs ? 'fail' : 'warn',
      summary: [
        slow
          ? `A round trip to Ringside's server takes ${ms(rttMs)}, so you and callers may talk over each other.`
          : `A round trip to Ringside's server takes ${ms(rttMs)}.`,
        unanswered > 0 ? `${unanswered} of ${pings.asked} tries got no answer.` : '',
        note,
      ]
        .filter(Boolean)
        .join(' '),
      fix: FIX,
      figures,
    };
  }
  return {
    id: 'network',
    verdict: 'pass',
    summary: `A round trip to Ringside's server takes ${ms(rttMs)}: fine for calls. ${note}`,
    figures,
  };
}
