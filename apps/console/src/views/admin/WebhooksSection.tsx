import type { WebhookSubscriptionView } from '@ringside/contracts';
import { useState } from 'react';
import { Banner, Button } from '../../ui/controls';
import { CopyField } from './CopyField';
import { LoadState, Outcome, type OutcomeMessage } from './fields';
import { upsert } from './upsert';
import { useAdmin } from './useAdmin';
import { useLoaded } from './useLoaded';
import { WebhookCard } from './WebhookCard';
import { WebhookForm } from './WebhookForm';

/** `/admin/webhooks`: where Ringside sends call events (CRMs), with delivery logs */
export function WebhooksSection() {
  const { apis, canChange } = useAdmin();
  const [webhooks, , replace] = useLoaded(() => apis.webhooks.list(), 'webhooks');
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);

  if (webhooks.state !== 'ready') return <LoadState loaded={webhooks} what="webhooks" />;
  const put = (webhook: WebhookSubscriptionView) => replace(upsert(webhooks.data, webhook));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Each event is POSTed as JSON, signed with <code>X-Ringside-Signature</code> and keyed with{' '}
          <code>Idempotency-Key</code>, and retried with backoff until the receiver answers 2xx.
        </p>
        {canChange && !adding ? (
          <Button tone="primary" onClick={() => setAdding(true)}>
            New webhook
          </Button>
        ) : null}
      </div>
      {secret ? (
        <Banner
          kind="warning"
          title="Copy the secret now: it is not shown again"
          action={
            <Button tone="ghost" className="min-h-9 px-2" onClick={() => setSecret(null)}>
              Done
            </Button>
          }
        >
          <CopyField label={`Secret for ${secret.url}`} value={secret.secret} />
        </Banner>
      ) : null}
      {adding ? (
        <WebhookForm
          onSaved={(created) => {
            const { secret: generated, ...view } = created;
            put(view);
            setAdding(false);
            setSecret(generated ? { url: view.url, secret: generated } : null);
            setOutcome({ kind: 'done', text: 'Webhook added.' });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <Outcome outcome={outcome} />
      {webhooks.data.length === 0 ? (
        <p className="text-sm">No outgoing webhooks yet.</p>
      ) : (
        <ul aria-label="Outgoing webhooks" className="space-y-3">
          {webhooks.data.map((webhook) => (
            <WebhookCard
              key={webhook.id}
              webhook={webhook}
              onChanged={put}
              onDeleted={(id) => {
                replace(webhooks.data.filter((w) => w.id !== id));
                setOutcome({ kind: 'done', text: 'Webhook deleted.' });
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
