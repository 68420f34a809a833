import { useT } from '../../i18n/I18nProvider';
import type { WhenNobodyAvailableOption } from '@ringside/contracts';
import type { ChangeEvent } from 'react';
import type { ChannelDraft } from './channel-form';
import { canQueue } from './channel-queue';
import { WHEN_NOBODY_WORDS } from './channel-words';
import { SelectField, TextField } from './fields';

/**
 * "When nobody is available", and the queue's limit when callers are queued. Queueing is
 * offered on a WhatsApp line whose Call audio runs through the media server; on any other
 * WhatsApp line the option stays visible but disabled, with a hint saying why (and, when the
 * admin just turned the media server off, that calls keep ringing again). A Page never queues:
 * the option is not listed for one.
 */
export function WhenNobodyFields({
  draft,
  fellBack,
  onChoose,
  field,
}: {
  draft: ChannelDraft;
  /** the draft was queueing until its Call audio went direct */
  fellBack: boolean;
  onChoose: (choice: WhenNobodyAvailableOption) => void;
  field: (key: 'queueLimitSec') => {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement>) => void;
    error: string | undefined;
  };
}) {
  const t = useT();
  const queueing = canQueue(draft);
  const choices = (Object.keys(WHEN_NOBODY_WORDS) as WhenNobodyAvailableOption[]).filter(
    (choice) => choice !== 'queue' || draft.kind === 'whatsapp',
  );
  const hint =
    draft.kind !== 'whatsapp' || queueing
      ? undefined
      : fellBack
        ? t('channelForm.queueFellBack')
        : t('channelForm.queueNeedsAnchor');
  return (
    <>
      <SelectField
        label={t('channelForm.whenNobody')}
        {...(hint ? { hint } : {})}
        value={draft.whenNobodyAvailable}
        onChange={(e) => onChoose(e.target.value as WhenNobodyAvailableOption)}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice} disabled={choice === 'queue' && !queueing}>
            {WHEN_NOBODY_WORDS[choice]}
          </option>
        ))}
      </SelectField>
      {draft.whenNobodyAvailable === 'queue' ? (
        <TextField
          label={t('channelForm.queueLimit')}
          hint={t('channelForm.queueLimitHint')}
          inputMode="numeric"
          {...field('queueLimitSec')}
        />
      ) : null}
    </>
  );
}
