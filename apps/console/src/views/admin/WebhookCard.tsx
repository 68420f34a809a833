import { useT } from '../../i18n/I18nProvider';
import { t as translate } from '../../i18n/i18n';
import type { WebhookDeliveryView, WebhookSubscriptionView } from '@ringside/contracts';
import { useState } from 'react';
import { Button } from '../../ui/controls';
import { AdminCard, Tag } from './AdminCard';
import { DeliveryLog } from './DeliveryLog';
import { deliveryLine, subscriptionEventsWords } from './delivery-words';
import { Outcome, type OutcomeMessage } from './fields';
import { useAdmin } from './useAdmin';
import { useCardEdit } from './useCardEdit';
import { WebhookForm } from './WebhookForm';

/** one outgoing webhook: where, which events, its delivery log; admins edit, test and delete it */
export function WebhookCard({
  webhook,
  onChanged,
  onDeleted,
}: {
  webhook: WebhookSubscriptionView;
  onChanged: (webhook: WebhookSubscriptionView) => void;
  onDeleted: (id: string) => void;
}) {
  const { apis, canChange } = useAdmin();
  const [showLog, setShowLog] = useState(false);
  const [logRound, setLogRound] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const edit = useCardEdit(onChanged, setOutcome);
  const t = useT();

  const sendTest = async () => {
    setBusy(true);
    setOutcome(null);
    const sent = await apis.webhooks.sendTest(webhook.id);
    setBusy(false);
    if (!sent.ok) {
      setOutcome({ kind: 'error', text: sent.error.message });
      return;
    }
    setOutcome(testOutcome(sent.data));
    setLogRound((r) => r + 1);
  };

  const remove = async () => {
    setBusy(true);
    const removed = await apis.webhooks.remove(webhook.id);
    setBusy(false);
    if (removed.ok) onDeleted(webhook.id);
    else setOutcome({ kind: 'error', text: removed.error.message });
  };

  return (
    <AdminCard
      title={webhook.url}
      titleClassName="font-mono text-sm break-all"
      tags={
        <Tag tone={webhook.active ? 'on' : 'off'}>
          {webhook.active ? t('webhook.active') : t('webhook.paused')}
        </Tag>
      }
    >
      {webhook.description ? <p className="text-sm">{webhook.description}</p> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">{t('webhook.events')}</dt>
        <dd className="break-words">{subscriptionEventsWords(webhook.events)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('webhook.secret')}</dt>
        <dd>{webhook.secretSet ? t('webhook.secretSet') : t('webhook.secretNotSet')}</dd>
      </dl>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          tone="neutral"
          className="min-h-9 px-3"
          aria-expanded={showLog}
          onClick={() => setShowLog((s) => !s)}
        >
          {showLog ? t('webhook.hideLog') : t('webhook.log')}
        </Button>
        {canChange ? (
          <>
            <Button
              tone="neutral"
              className="min-h-9 px-3"
              disabled={busy || !webhook.active}
              title={webhook.active ? undefined : t('webhook.activateFirst')}
              onClick={() => void sendTest()}
            >
              {t('webhook.sendTest')}
            </Button>
            <Button tone="neutral" className="min-h-9 px-3" onClick={edit.open}>
              {t('channel.edit')}
            </Button>
            {confirmDelete ? (
              <>
                <Button
                  tone="danger"
                  className="min-h-9 px-3"
                  disabled={busy}
                  onClick={() => void remove()}
                >
                  {t('webhook.yesDelete')}
                </Button>
                <Button
                  tone="ghost"
                  className="min-h-9 px-3"
                  onClick={() => setConfirmDelete(false)}
                >
                  {t('sup.keep')}
                </Button>
              </>
            ) : (
              <Button tone="ghost" className="min-h-9 px-3" onClick={() => setConfirmDelete(true)}>
                {t('webhook.delete')}
              </Button>
            )}
          </>
        ) : null}
      </div>
      <Outcome outcome={outcome} />
      {edit.editing ? (
        <WebhookForm editing={webhook} onSaved={edit.saved} onCancel={edit.close} />
      ) : null}
      {showLog ? <DeliveryLog subscriptionId={webhook.id} round={logRound} /> : null}
    </AdminCard>
  );
}

function testOutcome(delivery: WebhookDeliveryView): OutcomeMessage {
  return delivery.status === 'delivered'
    ? { kind: 'done', text: translate('webhook.testDelivered', { line: deliveryLine(delivery) }) }
    : {
        kind: 'error',
        text: translate('webhook.testNotDelivered', { line: deliveryLine(delivery) }),
      };
}
