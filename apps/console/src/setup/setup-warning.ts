import { t } from '../i18n/i18n';
import type { LastCheck } from './last-check';

/** what the agent view knows before the agent goes (or stays) Available */
export interface WarningFacts {
  /** the user's last "Test my setup" run in this browser; undefined when never run */
  last: LastCheck | undefined;
  /** how long the open microphone has given nothing at all; 0 when it gives sound or is closed */
  micSilentForMs: number;
  /** on a call: the call card speaks for itself */
  inCall: boolean;
}

/** a warning shown above the status control */
export interface SetupWarning {
  title: string;
  /** one sentence per problem */
  lines: string[];
  /** when the test whose failures are listed ran (epoch ms); absent when none are */
  testedAt?: number;
}

/** a microphone giving nothing this long is silent "right now", not between two words */
export const SILENT_WARNING_MS = 3000;

/**
 * Whether the agent should be warned before taking calls, and with what words: when the
 * microphone gives nothing at all right now, or the last setup test failed. Never-run is no
 * warning (the test is offered, not required), and a warning never stops anyone going Available.
 *
 * @example
 * setupWarning({ last: undefined, micSilentForMs: 0, inCall: false }); // undefined
 * setupWarning({ last: undefined, micSilentForMs: 5000, inCall: false })?.title;
 * // 'We hear nothing from your microphone'
 */
export function setupWarning(facts: WarningFacts): SetupWarning | undefined {
  if (facts.inCall) return undefined;
  const silent = facts.micSilentForMs >= SILENT_WARNING_MS;
  const failed = facts.last?.results.filter((r) => r.verdict === 'fail') ?? [];
  if (!silent && failed.length === 0) return undefined;
  const listed = failed.filter((r) => !(silent && r.id === 'microphone'));
  const lines = [
    ...(silent ? [t('setupWarning.silentLine')] : []),
    ...listed.map((r) => [r.summary, r.fix].filter(Boolean).join(' ')),
  ];
  return {
    title: silent ? t('setupWarning.silentTitle') : t('setupWarning.failedTitle'),
    lines,
    ...(listed.length > 0 && facts.last ? { testedAt: facts.last.at } : {}),
  };
}
