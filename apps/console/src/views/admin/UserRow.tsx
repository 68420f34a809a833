import { useT } from '../../i18n/I18nProvider';
import type { Role, UserUpdateBody, UserView } from '@ringside/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/controls';
import { Outcome, SelectField, TextField, type OutcomeMessage } from './fields';
import { useAdmin } from './useAdmin';
import { resetPasswordBody } from './user-form';
import { roleName, ROLES } from './user-words';

/** one person: role, state, and (admins) role change, password reset, deactivate */
export function UserRow({
  user,
  onChanged,
}: {
  user: UserView;
  onChanged: (user: UserView) => void;
}) {
  const { apis, canChange, meId } = useAdmin();
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const self = user.id === meId;
  const t = useT();

  const save = async (body: UserUpdateBody, done: (saved: UserView) => string) => {
    setBusy(true);
    setOutcome(null);
    const saved = await apis.users.update(user.id, body);
    setBusy(false);
    if (!saved.ok) {
      setOutcome({ kind: 'error', text: saved.error.message });
      return false;
    }
    onChanged(saved.data);
    setOutcome({ kind: 'done', text: done(saved.data) });
    return true;
  };

  return (
    <li className="space-y-2 p-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0 flex-1">
          <span className="font-semibold">{user.name}</span>
          {self ? (
            <span className="text-sm text-slate-600 dark:text-slate-400">{t('users.you')}</span>
          ) : null}
          <span className="block truncate text-sm text-slate-600 dark:text-slate-400">
            {user.email}
          </span>
        </p>
        <span className="text-sm">{roleName(user.role)}</span>
        {user.disabled ? (
          <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800 dark:bg-slate-700 dark:text-slate-100">
            {t('users.deactivated')}
          </span>
        ) : null}
      </div>
      {canChange && !self ? (
        <div className="flex flex-wrap items-end gap-2">
          <RolePicker
            user={user}
            busy={busy}
            onPick={(role) =>
              void save({ role }, (saved) =>
                t('users.nowRole', { name: saved.name, role: roleName(saved.role) }),
              )
            }
          />
          <Button
            tone="neutral"
            className="min-h-9 px-3"
            disabled={busy}
            aria-expanded={resetting}
            onClick={() => setResetting((r) => !r)}
          >
            {t('users.resetPassword')}
          </Button>
          <Button
            tone={user.disabled ? 'neutral' : 'danger'}
            className="min-h-9 px-3"
            disabled={busy}
            onClick={() =>
              void save({ disabled: !user.disabled }, (saved) =>
                saved.disabled
                  ? t('users.deactivatedDone', { name: saved.name })
                  : t('users.reactivatedDone', { name: saved.name }),
              )
            }
          >
            {user.disabled ? t('users.reactivate') : t('users.deactivate')}
          </Button>
        </div>
      ) : null}
      {resetting ? (
        <PasswordReset
          user={user}
          busy={busy}
          onSave={async (password) => {
            const done = await save({ password }, (saved) =>
              t('users.passwordChanged', { name: saved.name }),
            );
            if (done) setResetting(false);
          }}
          onCancel={() => setResetting(false)}
        />
      ) : null}
      <Outcome outcome={outcome} />
    </li>
  );
}

function RolePicker({
  user,
  busy,
  onPick,
}: {
  user: UserView;
  busy: boolean;
  onPick: (role: Role) => void;
}) {
  const [role, setRole] = useState<Role>(user.role);
  const t = useT();
  return (
    <div className="flex items-end gap-2">
      <SelectField
        label={t('users.roleOf', { name: user.name })}
        className="[&>label]:sr-only"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </SelectField>
      <Button
        tone="neutral"
        className="min-h-9 px-3"
        disabled={busy || role === user.role}
        onClick={() => onPick(role)}
      >
        {t('users.changeRole')}
      </Button>
    </div>
  );
}

function PasswordReset({
  user,
  busy,
  onSave,
  onCancel,
}: {
  user: UserView;
  busy: boolean;
  onSave: (password: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = resetPasswordBody(password);
    if (!checked.ok) {
      setProblem(checked.problems['password'] ?? checked.problems['form']);
      return;
    }
    setProblem(undefined);
    void onSave(password);
  };
  return (
    <form
      aria-label={t('users.newPasswordFor', { name: user.name })}
      noValidate
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2"
    >
      <TextField
        label={t('users.newPasswordFor', { name: user.name })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={problem}
        className="min-w-0 flex-1"
      />
      <Button tone="primary" type="submit" className="min-h-9 px-3" disabled={busy}>
        {t('users.setPassword')}
      </Button>
      <Button tone="ghost" className="min-h-9 px-3" onClick={onCancel} disabled={busy}>
        {t('form.cancel')}
      </Button>
    </form>
  );
}
