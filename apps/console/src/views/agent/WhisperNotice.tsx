import { useCallback, useSyncExternalStore } from 'react';
import { useCalling } from '../../app/ConsoleProvider';
import { useT } from '../../i18n/I18nProvider';

/** "Sam is whispering to you" while a supervisor whispers to the agent on this call */
export function WhisperNotice({ callId }: { callId: string }) {
  const { whisper } = useCalling();
  const subscribe = useCallback((changed: () => void) => whisper.onChange(changed), [whisper]);
  const state = useSyncExternalStore(subscribe, () => whisper.state);
  const t = useT();
  if (state.kind !== 'hearing' || state.callId !== callId) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-violet-100 px-3 py-2 text-sm font-medium text-violet-950 dark:bg-violet-900/60 dark:text-violet-100"
    >
      {t('call.whispering', { name: state.supervisor.name || t('role.supervisor') })}
    </p>
  );
}
