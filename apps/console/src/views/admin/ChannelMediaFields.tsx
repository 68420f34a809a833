import type { MediaCapture } from '@ringside/contracts';
import type { ChangeEvent } from 'react';
import type { ChannelDraft } from './channel-form';
import { SelectField, TextField } from './fields';

const CAPTURE_WORDS: Record<MediaCapture, string> = {
  off: 'Not recorded',
  record: 'Recorded by Meta',
  transcribe: 'Transcribed by Meta',
  both: 'Recorded and transcribed by Meta',
};

type MediaTextKey = 'mediaPurpose' | 'mediaAnnouncementLanguage' | 'mediaRetentionDays';

/**
 * A WhatsApp line's recording settings: what Meta records or transcribes (both participants
 * hear Meta's announcement first, in the language given, naming the purpose), and how many days
 * Ringside keeps the files.
 */
export function ChannelMediaFields({
  draft,
  onCapture,
  field,
}: {
  draft: ChannelDraft;
  onCapture: (capture: MediaCapture) => void;
  field: (key: MediaTextKey) => {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement>) => void;
    error: string | undefined;
  };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="Call recording"
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
          <TextField label="Recording purpose" {...field('mediaPurpose')} />
          <TextField label="Announcement language" {...field('mediaAnnouncementLanguage')} />
          <TextField
            label="Keep recordings (days)"
            inputMode="numeric"
            {...field('mediaRetentionDays')}
          />
        </>
      ) : null}
    </div>
  );
}
