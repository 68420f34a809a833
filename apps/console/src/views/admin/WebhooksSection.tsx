import { useT } from '../../i18n/I18nProvider';
import { richT } from '../../i18n/rich';
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
  const t = useT();

  if (webhooks.state !== 'ready') return <LoadState loaded={webhooks} what="webhooks" />;
  const put = (webhook: WebhookSubscriptionView) => replace(upsert(webhooks.data, webhook));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {richT('webhooks.intro', {
            signature: <code>X-Ringside-Signature</code>,
            key: <code>Idempotency-Key</code>,
          })}
        </p>
        {canChange && !adding ? (
          <Button tone="primary" onClick={() => setAdding(true)}>
            {t('webhooks.new')}
          </Button>
        ) : null}
      </div>
      {secret ? (
        <Banner
          kind="warning"
          title={t('webhooks.copySecret')}
          action={
            <Button tone="ghost" className="min-h-9 px-2" onClick={() => setSecret(null)}>
              {t('webhooks.done')}
            </Button>
          }
        >
          <CopyField label={t('webhooks.secretFor', { url: secret.url })} value={secret.secret} />
        </Banner>
      ) : null}
      {adding ? (
        <WebhookForm
          onSaved={(created) => {
            const { secret: generated, ...view } = created;
            put(view);
            setAdding(false);
            setSecret(generated ? { url: view.url, secret: generated } : null);
            setOutcome({ kind: 'done', text: t('webhooks.added') });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <Outcome outcome={outcome} />
      {webhooks.data.length === 0 ? (
        <p className="text-sm">{t('webhooks.none')}</p>
      ) : (
        <ul aria-label={t('webhooks.list')} className="space-y-3">
          {webhooks.data.map((webhook) => (
            <WebhookCard
              key={webhook.id}
              webhook={webhook}
              onChanged={put}
              onDeleted={(id) => {
                replace(webhooks.data.filter((w) => w.id !== id));
                setOutcome({ kind: 'done', text: t('webhooks.deleted') });
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
