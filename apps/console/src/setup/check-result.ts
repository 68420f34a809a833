/** the parts of "Test my setup", in the order the page shows them */
export type CheckId = 'microphone' | 'speaker' | 'relay' | 'network';

/**
 * `pass`: fine; `warn`: calls work but something will bother the agent or the caller;
 * `fail`: calls will not work properly until it is fixed; `info`: nothing to judge (no relay
 * server is set up for the workspace, say).
 */
export type Verdict = 'pass' | 'warn' | 'fail' | 'info';

/** one check's outcome, in plain words */
export interface CheckResult {
  id: CheckId;
  verdict: Verdict;
  /** what we found, one sentence */
  summary: string;
  /** what to do about it; absent when there is nothing to do */
  fix?: string;
  /** measured figures shown with the words (e.g. "Round trip 42 ms") */
  figures?: string[];
}

const RANK: Record<Verdict, number> = { info: 0, pass: 1, warn: 2, fail: 3 };

/**
 * The worst of some verdicts (`pass` for none).
 *
 * @example
 * worstVerdict(['pass', 'warn', 'info']); // 'warn'
 */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'pass');
}
