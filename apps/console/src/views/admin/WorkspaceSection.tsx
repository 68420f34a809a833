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
  if (workspace.state !== 'ready') return <LoadState loaded={workspace} what="workspace" />;
  return (
    <section
      aria-labelledby="workspace-title"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id="workspace-title" className="text-base font-semibold">
        Workspace
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
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 200) {
      setOutcome({ kind: 'error', text: 'Give the workspace a name of up to 200 characters.' });
      return;
    }
    setBusy(true);
    const saved = await apis.workspace.rename(workspace.id, trimmed);
    setBusy(false);
    if (saved.ok) {
      onSaved(saved.data);
      setOutcome({
        kind: 'done',
        text: 'Renamed. Others see the new name when they next sign in.',
      });
    } else setOutcome({ kind: 'error', text: saved.error.message });
  };
  return (
    <form
      aria-label="Workspace name"
      noValidate
      onSubmit={(e) => void submit(e)}
      className="space-y-2"
    >
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label="Workspace name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          className="min-w-0 flex-1"
        />
        <Button tone="primary" type="submit" disabled={busy || name.trim() === workspace.name}>
          Rename
        </Button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}

function MetaWebhook() {
  const { apis, canChange } = useAdmin();
  const [settings, , replace] = useLoaded(() => apis.workspace.metaWebhook(), 'meta-webhook');
  if (settings.state !== 'ready')
    return <LoadState loaded={settings} what="Meta webhook settings" />;
  const view = settings.data;
  return (
    <section
      aria-labelledby="meta-webhook-title"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id="meta-webhook-title" className="text-base font-semibold">
        Meta webhook
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        In your Meta app’s dashboard, under Webhooks, subscribe the WhatsApp Business Account and
        the Page to <code>calls</code> with this callback URL and verify token. One Meta app serves
        this whole installation.
      </p>
      <CopyField label="Callback URL" value={view.callbackUrl} />
      <CopyField label="Verify token" value={view.verifyToken} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">App secret</dt>
        <dd>
          {appSecretInForceWords(view)}
          {view.appSecretStored && view.updatedAt
            ? ` Stored ${new Date(view.updatedAt).toLocaleString()}.`
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
      text: value === null ? 'The server’s META_APP_SECRET is used again.' : 'App secret saved.',
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = secret.trim();
    if (trimmed.length < 16 || trimmed.length > 256) {
      setOutcome({
        kind: 'error',
        text: 'Paste the app secret from App settings → Basic (at least 16 characters).',
      });
      return;
    }
    void store(trimmed);
  };

  return (
    <form aria-label="App secret" noValidate onSubmit={submit} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label="New app secret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint="Stored encrypted and never shown. Webhooks are checked with it from the moment it is saved."
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          className="min-w-0 flex-1"
        />
        <Button tone="primary" type="submit" disabled={busy}>
          Save app secret
        </Button>
        {view.appSecretStored ? (
          <Button tone="ghost" disabled={busy} onClick={() => void store(null)}>
            Use the server’s secret
          </Button>
        ) : null}
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
