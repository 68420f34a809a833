import { useT } from '../../i18n/I18nProvider';
import type { AdminChannelView } from '@ringside/contracts';
import { useState } from 'react';
import { Button } from '../../ui/controls';
import { ChannelCard } from './ChannelCard';
import { ChannelForm } from './ChannelForm';
import { LoadState, Outcome, type OutcomeMessage } from './fields';
import { upsert } from './upsert';
import { useAdmin } from './useAdmin';
import { useLoaded } from './useLoaded';

/** `/admin/channels`: the workspace's WhatsApp numbers and Pages */
export function ChannelsSection() {
  const { apis, canChange } = useAdmin();
  const [channels, , replaceChannels] = useLoaded(() => apis.channels.list(), 'channels');
  const [users] = useLoaded(() => apis.users.list(), 'users');
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const t = useT();

  if (channels.state !== 'ready') return <LoadState loaded={channels} what="channels" />;
  const people = users.state === 'ready' ? users.data : [];
  const put = (channel: AdminChannelView) => replaceChannels(upsert(channels.data, channel));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('channels.intro')}</p>
        {canChange && !adding ? (
          <Button tone="primary" onClick={() => setAdding(true)}>
            {t('channels.new')}
          </Button>
        ) : null}
      </div>
      {users.state === 'error' ? <LoadState loaded={users} what="users" /> : null}
      {adding ? (
        <ChannelForm
          api={apis.channels}
          users={people}
          onSaved={(channel) => {
            put(channel);
            setAdding(false);
            setOutcome({ kind: 'done', text: t('channels.added', { label: channel.label }) });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <Outcome outcome={outcome} />
      {channels.data.length === 0 ? (
        <p className="text-sm">{t('channels.none')}</p>
      ) : (
        <ul aria-label={t('channels.list')} className="space-y-3">
          {channels.data.map((channel) => (
            <ChannelCard
              key={channel.id}
              channel={channel}
              users={people}
              api={apis.channels}
              canChange={canChange}
              onChanged={put}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
