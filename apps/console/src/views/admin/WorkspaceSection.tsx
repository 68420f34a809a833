import { useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/formats';
import { richT } from '../../i18n/rich';
import type { MetaWebhookSettingsView, WorkspaceView } from '@ringside/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/controls';
import { appSecretInForceWords, canStoreAppSecret } from './app-secret-words';
import { CopyField } from './CopyField';
import { LoadState, Outcome, TextField, type OutcomeMessage } from './fields';
import { useAdmin } from './useAdmin';
import { useLoaded } from './useLoaded';

/** `/admin/workspace`: the workspace's name and the webhook to paste into Meta's dashboard */
export function WorkspaceSection() {
  return (
    <div className="space-y-4">
      <WorkspaceName />
      <MetaWebhook />
    </div>
  );
}

function WorkspaceName() {
  const { apis, canChange } = useAdmin();
  const [workspace, , replace] = useLoaded(() => apis.workspace.workspace(), 'workspace');
  const t = useT();
  if (workspace.state !== 'ready') return <LoadState loaded={workspace} what="workspace" />;
  return (
    <section
      aria-labelledby="workspace-title"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id="workspace-title" className="text-base font-semibold">
        {t('workspace.title')}
      </h3>
      {canChange ? (
        <RenameForm workspace={workspace.data} onSaved={replace} />
      ) : (
        <p className="text-sm">{workspace.data.name}</p>
      )}
    </section>
  );
}

function RenameForm({
  workspace,
  onSaved,
}: {
  workspace: WorkspaceView;
  onSaved: (workspace: WorkspaceView) => void;
}) {
  const { apis } = useAdmin();
  const [name, setName] = useState(workspace.name);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 200) {
      setOutcome({ kind: 'error', text: t('workspace.nameProblem') });
      return;
    }
    setBusy(true);
    const saved = await apis.workspace.rename(workspace.id, trimmed);
    setBusy(false);
    if (saved.ok) {
      onSaved(saved.data);
      setOutcome({
        kind: 'done',
        text: t('workspace.renamed'),
      });
    } else setOutcome({ kind: 'error', text: saved.error.message });
  };
  return (
    <form
      aria-label={t('workspace.name')}
      noValidate
      onSubmit={(e) => void submit(e)}
      className="space-y-2"
    >
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label={t('workspace.name')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          className="min-w-0 flex-1"
        />
        <Button tone="primary" type="submit" disabled={busy || name.trim() === workspace.name}>
          {t('workspace.rename')}
        </Button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}

function MetaWebhook() {
  const { apis, canChange } = useAdmin();
  const [settings, , replace] = useLoaded(() => apis.workspace.metaWebhook(), 'meta-webhook');
  const t = useT();
  if (settings.state !== 'ready')
    return <LoadState loaded={settings} what="Meta webhook settings" />;
  const view = settings.data;
  return (
    <section
      aria-labelledby="meta-webhook-title"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id="meta-webhook-title" className="text-base font-semibold">
        {t('metaWebhook.title')}
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {richT('metaWebhook.intro', { calls: <code>calls</code> })}
      </p>
      <CopyField label={t('metaWebhook.callbackUrl')} value={view.callbackUrl} />
      <CopyField label={t('metaWebhook.verifyToken')} value={view.verifyToken} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">{t('metaWebhook.appSecret')}</dt>
        <dd>
          {appSecretInForceWords(view)}
          {view.appSecretStored && view.updatedAt
            ? t('metaWebhook.stored', { time: formatDateTime(view.updatedAt) })
            : ''}
        </dd>
      </dl>
      {canChange && canStoreAppSecret(view) ? (
        <AppSecretForm view={view} onSaved={replace} />
      ) : null}
    </section>
  );
}

function AppSecretForm({
  view,
  onSaved,
}: {
  view: MetaWebhookSettingsView;
  onSaved: (view: MetaWebhookSettingsView) => void;
}) {
  const { apis } = useAdmin();
  const [secret, setSecret] = useState('');
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();

  const store = async (value: string | null) => {
    setBusy(true);
    setOutcome(null);
    const saved = await apis.workspace.setAppSecret(value);
    setBusy(false);
    if (!saved.ok) {
      setOutcome({ kind: 'error', text: saved.error.message });
      return;
    }
    setSecret('');
    onSaved(saved.data);
    setOutcome({
      kind: 'done',
      text: value === null ? t('appSecret.usedAgain') : t('appSecret.saved'),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = secret.trim();
    if (trimmed.length < 16 || trimmed.length > 256) {
      setOutcome({
        kind: 'error',
        text: t('appSecret.problem'),
      });
      return;
    }
    void store(trimmed);
  };

  return (
    <form
      aria-label={t('metaWebhook.appSecret')}
      noValidate
      onSubmit={submit}
      className="space-y-2"
    >
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label={t('appSecret.new')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={t('appSecret.hint')}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          className="min-w-0 flex-1"
        />
        <Button tone="primary" type="submit" disabled={busy}>
          {t('appSecret.save')}
        </Button>
        {view.appSecretStored ? (
          <Button tone="ghost" disabled={busy} onClick={() => void store(null)}>
            {t('appSecret.useServer')}
          </Button>
        ) : null}
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
