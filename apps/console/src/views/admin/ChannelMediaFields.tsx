import { useT } from '../../i18n/I18nProvider';
import { lazyWords } from '../../i18n/i18n';
import { capturesRecording, type MediaCapture, type MediaModeOption } from '@ringside/contracts';
import type { ChangeEvent } from 'react';
import type { ChannelDraft } from './channel-form';
import { SelectField, TextField } from './fields';

const CAPTURE_WORDS: Record<MediaCapture, string> = lazyWords({
  off: 'capture.off',
  record: 'capture.record',
  transcribe: 'capture.transcribe',
  both: 'capture.both',
});

const AUDIO_PATH_WORDS: Record<MediaModeOption, string> = lazyWords({
  direct: 'audioPath.direct',
  anchored: 'audioPath.anchored',
});

type MediaTextKey = 'mediaPurpose' | 'mediaAnnouncementLanguage' | 'mediaRetentionDays';

/**
 * A WhatsApp line's media settings: where its call audio runs (straight between the agent's
 * browser and Meta, or through Ringside's media server), what Meta records or transcribes (both
 * participants hear Meta's announcement first, in the language given, naming the purpose), and
 * how many days Ringside keeps the files. On a line through the media server, the server records
 * instead of Meta (with its own spoken notice); the hint says so.
 */
export function ChannelMediaFields({
  draft,
  onMode,
  onCapture,
  field,
}: {
  draft: ChannelDraft;
  onMode: (mode: MediaModeOption) => void;
  onCapture: (capture: MediaCapture) => void;
  field: (key: MediaTextKey) => {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement>) => void;
    error: string | undefined;
  };
}) {
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label={t('audioPath.label')}
        hint={t('audioPath.hint')}
        value={draft.mediaMode}
        onChange={(e) => onMode(e.target.value as MediaModeOption)}
      >
        {(Object.keys(AUDIO_PATH_WORDS) as MediaModeOption[]).map((mode) => (
          <option key={mode} value={mode}>
            {AUDIO_PATH_WORDS[mode]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('capture.label')}
        {...(draft.mediaMode === 'anchored' && capturesRecording(draft.mediaCapture)
          ? { hint: t('capture.anchoredHint') }
          : {})}
        value={draft.mediaCapture}
        onChange={(e) => onCapture(e.target.value as MediaCapture)}
      >
        {(Object.keys(CAPTURE_WORDS) as MediaCapture[]).map((capture) => (
          <option key={capture} value={capture}>
            {CAPTURE_WORDS[capture]}
          </option>
        ))}
      </SelectField>
      {draft.mediaCapture !== 'off' ? (
        <>
          <TextField label={t('capture.purpose')} {...field('mediaPurpose')} />
          <TextField label={t('capture.language')} {...field('mediaAnnouncementLanguage')} />
          <TextField
            label={t('capture.retention')}
            inputMode="numeric"
            {...field('mediaRetentionDays')}
          />
        </>
      ) : null}
    </div>
  );
}
