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
  return (
    <form
      aria-label={editing ? `Edit webhook ${editing.url}` : 'New webhook'}
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
        <legend className="text-sm font-medium">Events</legend>
        <div className="mt-1 grid gap-x-4 sm:grid-cols-2">
          <label className="flex min-h-9 items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => set('events', toggleEvent(draft.events, '*', e.target.checked))}
            />
            All events (*)
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
          label={editing ? 'New secret' : 'Secret (optional)'}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={
            editing
              ? 'Leave empty to keep the current one.'
              : 'Leave empty and Ringside makes one, shown once.'
          }
          value={draft.secret}
          onChange={(e) => set('secret', e.target.value)}
          error={problems['secret']}
        />
        <TextField
          label="Description (optional)"
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
        Active: send events to it
      </label>
      <FormActions
        form={form}
        label={editing ? 'Save changes' : 'Add webhook'}
        onCancel={onCancel}
      />
    </form>
  );
}
