import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../i18n/formats';
import type { AdminChannelView, ChannelTestResult, UserView } from '@ringside/contracts';
import { useState } from 'react';
import type { ChannelsApi } from '../../api/channels-api';
import { Button, ChannelBadge } from '../../ui/controls';
import { AdminCard, Tag } from './AdminCard';
import { CallLinksSection } from './CallLinksSection';
import { CallSettingsEditor } from './CallSettingsEditor';
import { PermissionTemplateForm } from './PermissionTemplateForm';
import { ChannelForm } from './ChannelForm';
import { channelIds, ringSummary, whoAnswers } from './channel-words';
import { Outcome, type OutcomeMessage } from './fields';
import { useAdmin } from './useAdmin';
import { useCardEdit } from './useCardEdit';

/** one channel: its ids, token state, who answers and how it rings; admins edit and test it */
export function ChannelCard({
  channel,
  users,
  api,
  canChange,
  onChanged,
}: {
  channel: AdminChannelView;
  users: readonly UserView[];
  api: ChannelsApi;
  canChange: boolean;
  onChanged: (channel: AdminChannelView) => void;
}) {
  const [busy, setBusy] = useState<'test' | 'toggle' | null>(null);
  const [test, setTest] = useState<ChannelTestResult | null>(null);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const [callSettings, setCallSettings] = useState(false);
  const [callLinks, setCallLinks] = useState(false);
  const [template, setTemplate] = useState(false);
  const { apis } = useAdmin();
  const edit = useCardEdit(onChanged, setOutcome);
  const t = useT();

  const runTest = async () => {
    setBusy('test');
    setOutcome(null);
    setTest(null);
    const result = await api.test(channel.id);
    setBusy(null);
    if (result.ok) setTest(result.data);
    else setOutcome({ kind: 'error', text: result.error.message });
  };

  const toggle = async () => {
    setBusy('toggle');
    setOutcome(null);
    const saved = await api.update(channel.id, { enabled: !channel.enabled });
    setBusy(null);
    if (saved.ok) {
      onChanged(saved.data);
      setOutcome({
        kind: 'done',
        text: saved.data.enabled ? t('channel.enabledDone') : t('channel.disabledDone'),
      });
    } else setOutcome({ kind: 'error', text: saved.error.message });
  };

  return (
    <AdminCard
      title={channel.label}
      titleClassName="truncate text-base"
      tags={
        <>
          <ChannelBadge channel={channel.channel} />
          {channel.enabled ? null : <Tag tone="off">{t('channel.disabledTag')}</Tag>}
        </>
      }
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">{t('channel.metaIds')}</dt>
        <dd className="break-words">{channelIds(channel)}</dd>
        {channel.displayNumber ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{t('channel.number')}</dt>
            <dd>{channel.displayNumber}</dd>
          </>
        ) : null}
        <dt className="text-slate-600 dark:text-slate-400">{t('channel.token')}</dt>
        <dd>{channel.tokenSet ? t('channel.tokenSet') : t('channel.tokenNotSet')}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('channel.whoAnswers')}</dt>
        <dd className="break-words">{whoAnswers(channel, users)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t('channel.ringing')}</dt>
        <dd className="break-words">{ringSummary(channel)}</dd>
      </dl>
      {canChange && !edit.editing ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button tone="neutral" className="min-h-9 px-3" onClick={edit.open}>
            {t('channel.edit')}
          </Button>
          <Button
            tone="neutral"
            className="min-h-9 px-3"
            disabled={busy !== null}
            onClick={() => void runTest()}
          >
            {busy === 'test' ? t('channel.testing') : t('channel.test')}
          </Button>
          <Button
            tone="neutral"
            className="min-h-9 px-3"
            aria-expanded={callSettings}
            onClick={() => setCallSettings((open) => !open)}
          >
            {t('channel.callSettings')}
          </Button>
          {channel.channel === 'whatsapp' ? (
            <Button
              tone="neutral"
              className="min-h-9 px-3"
              aria-expanded={callLinks}
              onClick={() => setCallLinks((open) => !open)}
            >
              {t('channel.callLinks')}
            </Button>
          ) : null}
          {channel.channel === 'whatsapp' ? (
            <Button
              tone="neutral"
              className="min-h-9 px-3"
              aria-expanded={template}
              onClick={() => setTemplate((open) => !open)}
            >
              {t('channel.template')}
            </Button>
          ) : null}
          <Button
            tone="ghost"
            className="min-h-9 px-3"
            disabled={busy !== null}
            onClick={() => void toggle()}
          >
            {channel.enabled ? t('channel.disable') : t('channel.enable')}
          </Button>
        </div>
      ) : null}
      {test ? <TestResult result={test} /> : null}
      {canChange && callSettings ? (
        <CallSettingsEditor api={api} channel={channel} onClose={() => setCallSettings(false)} />
      ) : null}
      {canChange && template && channel.channel === 'whatsapp' ? (
        <PermissionTemplateForm
          api={apis.permissionTemplate}
          channel={channel}
          onClose={() => setTemplate(false)}
        />
      ) : null}
      {callLinks && channel.channel === 'whatsapp' ? (
        <CallLinksSection api={apis.callLinks} channel={channel} canChange={canChange} />
      ) : null}
      <Outcome outcome={outcome} />
      {edit.editing ? (
        <ChannelForm
          api={api}
          users={users}
          editing={channel}
          onSaved={edit.saved}
          onCancel={edit.close}
        />
      ) : null}
    </AdminCard>
  );
}

/** Meta's answer to "Test connection" */
function TestResult({ result }: { result: ChannelTestResult }) {
  const t = useT();
  return (
    <div
      role={result.ok ? 'status' : 'alert'}
      className={`rounded-lg border p-3 text-sm ${
        result.ok
          ? 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100'
          : 'border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100'
      }`}
    >
      <p className="font-semibold">{result.ok ? t('channel.works') : t('channel.fails')}</p>
      <p className="mt-1">{result.message}</p>
      {result.metaError?.code !== undefined ? (
        <p className="mt-1 text-xs">
          {t('channel.metaError', { code: result.metaError.code })}
          {result.metaError.retryable ? t('channel.retryable') : ''}
        </p>
      ) : null}
      <p className="mt-1 text-xs">{t('channel.checked', { time: formatTime(result.checkedAt) })}</p>
    </div>
  );
}
