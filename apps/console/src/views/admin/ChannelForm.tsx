import { useT } from '../../i18n/I18nProvider';
import type { AdminChannelView, Channel, UserView } from '@ringside/contracts';
import { useState, type ChangeEvent } from 'react';
import type { ChannelsApi } from '../../api/channels-api';
import {
  channelDraft,
  createChannelBody,
  newChannelDraft,
  updateChannelBody,
  type ChannelDraft,
} from './channel-form';
import { withMediaMode } from './channel-queue';
import { channelIds, RING_STRATEGY_WORDS, WRAP_UP_WORDS } from './channel-words';
import { ChannelMediaFields } from './ChannelMediaFields';
import { SelectField, TextField } from './fields';
import { FormActions } from './FormActions';
import { UserPicker } from './UserPicker';
import { useSaveForm, type SavePlan } from './useSaveForm';
import { WhenNobodyFields } from './WhenNobodyFields';

/** the draft's free-text fields */
type TextKey = {
  [K in keyof ChannelDraft]: string extends ChannelDraft[K] ? K : never;
}[keyof ChannelDraft];

/** adds a WhatsApp number or a Page, or edits one: ids, token (write-only), who answers, ringing */
export function ChannelForm({
  api,
  users,
  editing,
  onSaved,
  onCancel,
}: {
  api: ChannelsApi;
  users: readonly UserView[];
  /** the channel being edited; absent to add one */
  editing?: AdminChannelView;
  onSaved: (channel: AdminChannelView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<ChannelDraft>(() =>
    editing ? channelDraft(editing) : newChannelDraft('whatsapp'),
  );
  // callers were queued until the admin turned the media server off: the form says so
  const [queueFellBack, setQueueFellBack] = useState(false);
  const set = <K extends keyof ChannelDraft>(key: K, value: ChannelDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  // the checked form as a request to send, or what to fix
  const form = useSaveForm((): SavePlan<AdminChannelView> => {
    if (editing) {
      const checked = updateChannelBody(editing, draft);
      return checked.ok ? () => api.update(editing.id, checked.body) : checked.problems;
    }
    const checked = createChannelBody(draft);
    return checked.ok ? () => api.create(checked.body) : checked.problems;
  }, onSaved);
  const { problems } = form;
  const text = (key: TextKey) => ({
    value: draft[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.target.value),
    // the body calls a WhatsApp number's name and an edited name `label`
    error: problems[key] ?? (key === 'name' ? problems['label'] : undefined),
  });

  const whatsapp = draft.kind === 'whatsapp';
  const tokenHint = !editing
    ? t('channelForm.tokenNewHint')
    : editing.tokenSet
      ? t('channelForm.tokenSetHint')
      : t('channelForm.tokenUnsetHint');
  return (
    <form
      aria-label={editing ? t('channelForm.edit', { label: editing.label }) : t('channels.new')}
      onSubmit={form.onSubmit}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      {editing ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{channelIds(editing)}</p>
      ) : (
        <KindChoice kind={draft.kind} onChange={(kind) => set('kind', kind)} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {whatsapp && !editing ? (
          <>
            <TextField
              label={t('channelForm.phoneId')}
              inputMode="numeric"
              {...text('phoneNumberId')}
            />
            <TextField label={t('channelForm.wabaId')} inputMode="numeric" {...text('wabaId')} />
          </>
        ) : null}
        {whatsapp ? (
          <TextField
            label={t('channelForm.displayNumber')}
            type="tel"
            placeholder="+919129950000"
            {...text('displayNumber')}
          />
        ) : null}
        {!whatsapp && !editing ? (
          <TextField label={t('channelForm.pageId')} inputMode="numeric" {...text('pageId')} />
        ) : null}
        <TextField
          label={
            whatsapp
              ? editing
                ? t('channelForm.name')
                : t('channelForm.nameOptional')
              : t('channelForm.pageName')
          }
          maxLength={200}
          {...text('name')}
        />
        <TextField
          label={editing ? t('channelForm.newToken') : t('channelForm.token')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={tokenHint}
          {...text('accessToken')}
        />
      </div>
      <UserPicker
        legend={t('channelForm.whoAnswers')}
        hint={t('channelForm.nobodyTicked')}
        users={users.filter((u) => !u.disabled || draft.assignedUserIds.includes(u.id))}
        chosen={draft.assignedUserIds}
        onChange={(ids) => set('assignedUserIds', ids)}
        error={problems['assignedUserIds']}
      />
      <fieldset>
        <legend className="text-sm font-medium">{t('channelForm.ringStrategy')}</legend>
        <div className="mt-1 flex flex-col gap-1">
          {(Object.keys(RING_STRATEGY_WORDS) as ChannelDraft['ringStrategy'][]).map((strategy) => (
            <label key={strategy} className="flex min-h-9 items-center gap-2 text-sm">
              <input
                type="radio"
                name="ring-strategy"
                checked={draft.ringStrategy === strategy}
                onChange={() => set('ringStrategy', strategy)}
              />
              {RING_STRATEGY_WORDS[strategy]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('channelForm.ringTimeout')}
          inputMode="numeric"
          {...text('ringTimeoutSec')}
        />
        {draft.ringStrategy === 'longest-idle' ? (
          <TextField
            label={t('channelForm.agentTimeout')}
            inputMode="numeric"
            {...text('agentTimeoutSec')}
          />
        ) : null}
        <WhenNobodyFields
          draft={draft}
          fellBack={queueFellBack}
          onChoose={(choice) => {
            setQueueFellBack(false);
            set('whenNobodyAvailable', choice);
          }}
          field={text}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={t('channelForm.wrapUp')}
          value={draft.wrapUp}
          onChange={(e) => set('wrapUp', e.target.value as ChannelDraft['wrapUp'])}
        >
          {(Object.keys(WRAP_UP_WORDS) as ChannelDraft['wrapUp'][]).map((mode) => (
            <option key={mode} value={mode}>
              {WRAP_UP_WORDS[mode]}
            </option>
          ))}
        </SelectField>
        {draft.wrapUp === 'timed' ? (
          <TextField
            label={t('channelForm.wrapUpSec')}
            inputMode="numeric"
            {...text('wrapUpSec')}
          />
        ) : null}
      </div>
      {editing && whatsapp ? (
        <ChannelMediaFields
          draft={draft}
          onMode={(mode) => {
            const changed = withMediaMode(draft, mode);
            setQueueFellBack(changed.fellBack);
            setDraft(changed.draft);
          }}
          onCapture={(capture) => set('mediaCapture', capture)}
          field={text}
        />
      ) : null}
      <FormActions
        form={form}
        label={editing ? t('channelForm.saveChanges') : t('channelForm.add')}
        onCancel={onCancel}
      />
    </form>
  );
}

function KindChoice({ kind, onChange }: { kind: Channel; onChange: (kind: Channel) => void }) {
  const t = useT();
  return (
    <fieldset>
      <legend className="text-sm font-medium">{t('channelForm.whatToConnect')}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {(
          [
            ['whatsapp', t('channelForm.whatsappNumber')],
            ['messenger', t('channelForm.messengerPage')],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="radio"
              name="channel-kind"
              checked={kind === value}
              onChange={() => onChange(value)}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
