import { useT } from '../../i18n/I18nProvider';

/**
 * The voicemail a missed caller left, on their callback row: a badge saying there is one and a
 * player named after the caller as the row shows them. Nothing is fetched until the agent plays
 * it (each listen is audited).
 *
 * @example
 * <CallbackVoicemail who="Omar" src={api.voicemailUrl(item.callId)} />
 */
export function CallbackVoicemail({ who, src }: { who: string; src: string }) {
  const t = useT();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900 dark:bg-violet-900/60 dark:text-violet-100">
        {t('callbacks.voicemail')}
      </span>
      <audio
        controls
        preload="none"
        aria-label={t('callbacks.voicemailPlayer', { who })}
        src={src}
        className="h-9 max-w-full"
      />
    </div>
  );
}
