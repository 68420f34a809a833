import { useT } from '../../i18n/I18nProvider';
import {
  OUTGOING_EVENT_NAMES,
  type WebhookSubscriptionCreatedReply,
  type WebhookSubscriptionView,
} from '@ringside/contracts';
import { useState } from 'react';
import { TextField } from './fields';
import { FormActions } from './FormActions';
import { useAdmin } from './useAdmin';
import { useSaveForm, type SavePlan } from './useSaveForm';
import {
  NEW_WEBHOOK,
  newWebhookBody,
  toggleEvent,
  updateWebhookBody,
  webhookDraft,
  type WebhookDraft,
} from './webhook-form';

/** adds an outgoing webhook, or edits one: URL, events or all, secret (write-only), active */
export function WebhookForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: WebhookSubscriptionView;
  onSaved: (saved: WebhookSubscriptionCreatedReply) => void;
  onCancel: () => void;
}) {
  const { apis } = useAdmin();
  const [draft, setDraft] = useState<WebhookDraft>(() =>
    editing ? webhookDraft(editing) : NEW_WEBHOOK,
  );
  const set = <K extends keyof WebhookDraft>(key: K, value: WebhookDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const form = useSaveForm((): SavePlan<WebhookSubscriptionCreatedReply> => {
    if (editing) {
      const checked = updateWebhookBody(editing, draft);
      return checked.ok ? () => apis.webhooks.update(editing.id, checked.body) : checked.problems;
    }
    const checked = newWebhookBody(draft);
    return checked.ok ? () => apis.webhooks.create(checked.body) : checked.problems;
  }, onSaved);
  const { problems } = form;

  const all = draft.events.includes('*');
  const t = useT();
  return (
    <form
      aria-label={editing ? t('webhookForm.edit', { url: editing.url }) : t('webhooks.new')}
      noValidate
      onSubmit={form.onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <TextField
        label="URL"
        type="url"
        placeholder="https://crm.example.com/hooks/ringside"
        value={draft.url}
        onChange={(e) => set('url', e.target.value)}
        error={problems['url']}
      />
      <fieldset>
        <legend className="text-sm font-medium">{t('webhook.events')}</legend>
        <div className="mt-1 grid gap-x-4 sm:grid-cols-2">
          <label className="flex min-h-9 items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => set('events', toggleEvent(draft.events, '*', e.target.checked))}
            />
            {t('webhookForm.allEvents')}
          </label>
          {OUTGOING_EVENT_NAMES.map((name) => (
            <label key={name} className="flex min-h-9 items-center gap-2 font-mono text-sm">
              <input
                type="checkbox"
                checked={all || draft.events.includes(name)}
                disabled={all}
                onChange={(e) => set('events', toggleEvent(draft.events, name, e.target.checked))}
              />
              {name}
            </label>
          ))}
        </div>
        {problems['events'] ? (
          <p className="mt-1 text-xs font-medium text-rose-700 dark:text-rose-300">
            {problems['events']}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={editing ? t('webhookForm.newSecret') : t('webhookForm.secretOptional')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={editing ? t('webhookForm.keepSecret') : t('webhookForm.makeSecret')}
          value={draft.secret}
          onChange={(e) => set('secret', e.target.value)}
          error={problems['secret']}
        />
        <TextField
          label={t('webhookForm.description')}
          maxLength={200}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          error={problems['description']}
        />
      </div>
      <label className="flex min-h-9 items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => set('active', e.target.checked)}
        />
        {t('webhookForm.active')}
      </label>
      <FormActions
        form={form}
        label={editing ? t('channelForm.saveChanges') : t('webhookForm.add')}
        onCancel={onCancel}
      />
    </form>
  );
}
