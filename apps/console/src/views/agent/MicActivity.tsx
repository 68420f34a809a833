import { useMicActivity } from '../../app/setup-hooks';
import { useT } from '../../i18n/I18nProvider';
import { richT } from '../../i18n/rich';
import { SHORTCUT_KEYS } from '../../keyboard/shortcuts';
import { MicMeter } from '../setup/MicMeter';

/**
 * In the call card: the agent's own microphone level, and "You are muted" while they talk with
 * Mute on (measured on the microphone itself, not on the muted call).
 */
export function MicActivity({ muted }: { muted: boolean }) {
  const measuring = useMicActivity((a) => a.measuring);
  const speaking = useMicActivity((a) => a.speaking);
  const t = useT();
  return (
    <div className="space-y-2">
      {measuring ? <MicMeter label={t('mic.level')} dimmed={muted} /> : null}
      {muted && speaking ? (
        <p
          role="alert"
          className="rounded-md bg-rose-700 px-3 py-2 text-sm font-semibold text-white"
        >
          {richT('mic.mutedTalking', { key: <kbd>{SHORTCUT_KEYS.mute}</kbd> })}
        </p>
      ) : null}
    </div>
  );
}
