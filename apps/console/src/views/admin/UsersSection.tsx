import { useT } from '../../i18n/I18nProvider';
import type { UserView } from '@ringside/contracts';
import { useState } from 'react';
import { Button } from '../../ui/controls';
import { LoadState, Outcome, SelectField, TextField, type OutcomeMessage } from './fields';
import { FormActions } from './FormActions';
import { upsert } from './upsert';
import { useAdmin } from './useAdmin';
import { useLoaded } from './useLoaded';
import { useSaveForm, type SavePlan } from './useSaveForm';
import { NEW_USER, newUserBody, type UserDraft } from './user-form';
import { roleDuty, roleName, ROLES } from './user-words';
import { UserRow } from './UserRow';

/** `/admin/users`: who can sign in, with which role */
export function UsersSection() {
  const { apis, canChange } = useAdmin();
  const [users, , replaceUsers] = useLoaded(() => apis.users.list(), 'users');
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  const t = useT();

  if (users.state !== 'ready') return <LoadState loaded={users} what="users" />;
  const put = (user: UserView) => replaceUsers(upsert(users.data, user));
  const sorted = [...users.data].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('users.signOutNote')}</p>
        {canChange && !adding ? (
          <Button tone="primary" onClick={() => setAdding(true)}>
            {t('users.new')}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <NewUserForm
          onSaved={(user) => {
            put(user);
            setAdding(false);
            setOutcome({
              kind: 'done',
              text: t('users.created', { name: user.name, email: user.email }),
            });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <Outcome outcome={outcome} />
      <ul
        aria-label={t('users.list')}
        className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
      >
        {sorted.map((user) => (
          <UserRow key={user.id} user={user} onChanged={put} />
        ))}
      </ul>
    </div>
  );
}

function NewUserForm({
  onSaved,
  onCancel,
}: {
  onSaved: (user: UserView) => void;
  onCancel: () => void;
}) {
  const { apis } = useAdmin();
  const [draft, setDraft] = useState<UserDraft>(NEW_USER);
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const form = useSaveForm((): SavePlan<UserView> => {
    const checked = newUserBody(draft);
    return checked.ok ? () => apis.users.create(checked.body) : checked.problems;
  }, onSaved);
  const { problems } = form;
  const t = useT();

  return (
    <form
      aria-label={t('users.new')}
      noValidate
      onSubmit={form.onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('users.name')}
          value={draft.name}
          maxLength={200}
          onChange={(e) => set('name', e.target.value)}
          error={problems['name']}
        />
        <TextField
          label={t('users.email')}
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={(e) => set('email', e.target.value)}
          error={problems['email']}
        />
        <TextField
          label={t('users.password')}
          type="password"
          autoComplete="new-password"
          hint={t('users.passwordHint')}
          value={draft.password}
          onChange={(e) => set('password', e.target.value)}
          error={problems['password']}
        />
        <SelectField
          label={t('users.role')}
          value={draft.role}
          hint={t('users.roleHint', { role: roleName(draft.role), duty: roleDuty(draft.role) })}
          onChange={(e) => set('role', e.target.value as UserDraft['role'])}
          error={problems['role']}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </SelectField>
      </div>
      <FormActions
        form={form}
        label={t('users.add')}
        busyLabel={t('users.adding')}
        onCancel={onCancel}
      />
    </form>
  );
}
