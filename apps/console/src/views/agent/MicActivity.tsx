import { useMicActivity } from '../../app/setup-hooks';
import { SHORTCUT_KEYS } from '../../keyboard/shortcuts';
import { MicMeter } from '../setup/MicMeter';

/**
 * In the call card: the agent's own microphone level, and "You are muted" while they talk with
 * Mute on (measured on the microphone itself, not on the muted call).
 */
export function MicActivity({ muted }: { muted: boolean }) {
  const measuring = useMicActivity((a) => a.measuring);
  const speaking = useMicActivity((a) => a.speaking);
  return (
    <div className="space-y-2">
      {measuring ? <MicMeter label="Your microphone level" dimmed={muted} /> : null}
      {muted && speaking ? (
        <p
          role="alert"
          className="rounded-md bg-rose-700 px-3 py-2 text-sm font-semibold text-white"
        >
          You are muted. The caller cannot hear you: press Unmute (<kbd>{SHORTCUT_KEYS.mute}</kbd>)
          to talk.
        </p>
      ) : null}
    </div>
  );
}
