import { useT } from '../../i18n/I18nProvider';
import type { AdminChannelView } from '@ringside/contracts';
import {
  CALL_LINK_LABEL_MAX,
  CALL_LINK_TAG_MAX,
  callLinkCreateBodySchema,
  type CallLink,
} from '@ringside/contracts/call-links';
import { useId, useState, type FormEvent } from 'react';
import type { CallLinksApi } from '../../api/call-links-api';
import { Button } from '../../ui/controls';
import { CopyField } from './CopyField';
import { LoadState, Outcome, TextField, type OutcomeMessage } from './fields';
import { checkWith, type Problems } from './form-check';
import { useLoaded } from './useLoaded';

/**
 * A WhatsApp number's call links: each with its label, tag, URL and QR code (SVG and PNG to
 * download); admins add one (label, optional tag) and delete them. A call from a tagged link
 * shows the link's label as its campaign on the ringing card and in history.
 */
export function CallLinksSection({
  api,
  channel,
  canChange,
}: {
  api: CallLinksApi;
  channel: AdminChannelView;
  canChange: boolean;
}) {
  const headingId = useId();
  const [links, reload] = useLoaded(() => api.list(channel.id), `call-links:${channel.id}`);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const t = useT();

  const remove = async (link: CallLink) => {
    setOutcome(null);
    const gone = await api.remove(channel.id, link.id);
    setOutcome(
      gone.ok
        ? { kind: 'done', text: t('links.deleted', { label: link.label }) }
        : { kind: 'error', text: gone.error.message },
    );
    reload();
  };

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700"
    >
      <h3 id={headingId} className="text-sm font-semibold">
        {t('channel.callLinks')}
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t('links.intro')}</p>
      {links.state !== 'ready' ? (
        <LoadState loaded={links} what="call links" />
      ) : links.data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('links.none')}</p>
      ) : (
        <ul className="space-y-3">
          {links.data.map((link) => (
            <CallLinkItem
              key={link.id}
              link={link}
              api={api}
              canChange={canChange}
              onDelete={() => void remove(link)}
            />
          ))}
        </ul>
      )}
      <Outcome outcome={outcome} />
      {canChange ? (
        <NewCallLinkForm
          api={api}
          channelId={channel.id}
          onMade={(link) => {
            setOutcome({ kind: 'done', text: t('links.made', { label: link.label }) });
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

function CallLinkItem({
  link,
  api,
  canChange,
  onDelete,
}: {
  link: CallLink;
  api: CallLinksApi;
  canChange: boolean;
  onDelete: () => void;
}) {
  const svg = api.qrUrl(link, 'svg');
  const t = useT();
  return (
    <li
      aria-label={t('links.item', { label: link.label })}
      className="flex flex-wrap gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      <img
        src={svg}
        alt={t('links.qr', { label: link.label })}
        width={128}
        height={128}
        className="h-32 w-32 bg-white"
      />
      <div className="min-w-0 flex-1 space-y-2 text-sm">
        <p className="font-semibold break-words">{link.label}</p>
        <p className="text-slate-600 dark:text-slate-300">
          {link.tag ? t('links.tag', { tag: link.tag }) : t('links.noTag')}
        </p>
        <CopyField label={t('links.linkFor', { label: link.label })} value={link.url} />
        <div className="flex flex-wrap gap-2">
          <a className="text-sky-700 underline dark:text-sky-300" href={svg} download>
            {t('links.svg')}
          </a>
          <a
            className="text-sky-700 underline dark:text-sky-300"
            href={api.qrUrl(link, 'png')}
            download
          >
            {t('links.png')}
          </a>
          {canChange ? (
            <Button
              tone="ghost"
              className="min-h-9 px-3"
              aria-label={t('links.deleteLabel', { label: link.label })}
              onClick={onDelete}
            >
              {t('webhook.delete')}
            </Button>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function NewCallLinkForm({
  api,
  channelId,
  onMade,
}: {
  api: CallLinksApi;
  channelId: string;
  onMade: (link: CallLink) => void;
}) {
  const [label, setLabel] = useState('');
  const [tag, setTag] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const t = useT();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkWith(callLinkCreateBodySchema.safeParse({ label, tag }), {});
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setBusy(true);
    const made = await api.create(channelId, checked.body);
    setBusy(false);
    if (made.ok) {
      setProblems({});
      setLabel('');
      setTag('');
      onMade(made.data);
      return;
    }
    // the server's (and so Meta's rules') verdict, field by field
    const fromServer: Problems = {};
    for (const issue of made.error.issues ?? []) fromServer[issue.path] ??= issue.message;
    if (Object.keys(fromServer).length === 0) fromServer['form'] = made.error.message;
    setProblems(fromServer);
  };

  return (
    <form
      aria-label={t('links.new')}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <TextField
        label={t('links.label')}
        value={label}
        maxLength={CALL_LINK_LABEL_MAX}
        error={problems['label']}
        onChange={(e) => setLabel(e.target.value)}
      />
      <TextField
        label={t('links.tagOptional')}
        hint={t('links.tagHint')}
        value={tag}
        maxLength={CALL_LINK_TAG_MAX}
        error={problems['tag']}
        onChange={(e) => setTag(e.target.value)}
      />
      <Button tone="primary" type="submit" disabled={busy}>
        {busy ? t('users.adding') : t('links.add')}
      </Button>
      {problems['form'] ? (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-3 dark:text-rose-300">
          {problems['form']}
        </p>
      ) : null}
    </form>
  );
}
