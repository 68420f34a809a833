import { useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/formats';
import { campaignOf, type CallSummary } from '@ringside/contracts';
import { ChannelBadge } from '../../ui/controls';
import {
  callerAddress,
  callerName,
  directionName,
  formatDuration,
  outcomeName,
} from '../../ui/format';

/**
 * Calls as rows to pick from, for the history page and the supervisor's call log: who, how it
 * ended, when, the channel and how long; the picked one is marked. `nested` is the look inside
 * another card (no background of its own, tighter rows).
 *
 * @example
 * <CallRows items={page.items} selected={callId} onSelect={select} label="Calls" nested showAgent />
 */
export function CallRows({
  items,
  selected,
  onSelect,
  label,
  nested = false,
  showAgent = false,
  showDirection = false,
}: {
  items: readonly CallSummary[];
  selected: string | null;
  onSelect: (callId: string) => void;
  label?: string;
  nested?: boolean;
  /** who took the call, after when it started */
  showAgent?: boolean;
  /** inbound or outbound, before the channel */
  showDirection?: boolean;
}) {
  const t = useT();
  if (items.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">{t('history.noMatch')}</p>;
  }
  return (
    <ul
      aria-label={label}
      className={`divide-y divide-slate-200 overflow-hidden border border-slate-200 dark:divide-slate-800 dark:border-slate-800 ${
        nested ? 'rounded-lg' : 'rounded-xl bg-white dark:bg-slate-900'
      }`}
    >
      {items.map((call) => (
        <li key={call.id}>
          <button
            type="button"
            aria-current={selected === call.id ? 'true' : undefined}
            onClick={() => onSelect(call.id)}
            className={`grid w-full grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-left hover:bg-slate-50 dark:hover:bg-slate-800 ${
              nested ? 'px-3 py-2' : 'px-4 py-3'
            } ${selected === call.id ? 'bg-sky-50 dark:bg-sky-950/50' : ''}`}
          >
            <span className="truncate font-semibold">{callerName(call.caller)}</span>
            <span className="text-right text-sm">
              {call.outcome ? outcomeName(call.outcome) : call.state}
            </span>
            <span className="truncate text-xs text-slate-600 dark:text-slate-400">
              {callerAddress(call.caller)} · {formatDateTime(call.startedAt)}
              {showAgent && call.agent ? ` · ${call.agent.name}` : ''}
              {campaignOf(call.source)
                ? t('history.rowCampaign', { campaign: campaignOf(call.source) ?? '' })
                : ''}
            </span>
            <span className="flex items-center justify-end gap-2">
              {showDirection ? (
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {directionName(call.direction)}
                </span>
              ) : null}
              <ChannelBadge channel={call.channel} />
              {call.durationSec !== undefined ? (
                <span className="font-mono text-xs tabular-nums">
                  {formatDuration(call.durationSec * 1000)}
                </span>
              ) : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
