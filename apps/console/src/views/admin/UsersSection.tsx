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

  if (users.state !== 'ready') return <LoadState loaded={users} what="users" />;
  const put = (user: UserView) => replaceUsers(upsert(users.data, user));
  const sorted = [...users.data].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Deactivating someone, changing their role or resetting their password signs them out at
          once.
        </p>
        {canChange && !adding ? (
          <Button tone="primary" onClick={() => setAdding(true)}>
            New user
          </Button>
        ) : null}
      </div>
      {adding ? (
        <NewUserForm
          onSaved={(user) => {
            put(user);
            setAdding(false);
            setOutcome({ kind: 'done', text: `${user.name} can now sign in as ${user.email}.` });
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <Outcome outcome={outcome} />
      <ul
        aria-label="Users"
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

  return (
    <form
      aria-label="New user"
      noValidate
      onSubmit={form.onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Name"
          value={draft.name}
          maxLength={200}
          onChange={(e) => set('name', e.target.value)}
          error={problems['name']}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={(e) => set('email', e.target.value)}
          error={problems['email']}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. Tell them in person; they can sign in at once."
          value={draft.password}
          onChange={(e) => set('password', e.target.value)}
          error={problems['password']}
        />
        <SelectField
          label="Role"
          value={draft.role}
          hint={`${roleName(draft.role)}: ${roleDuty(draft.role)}.`}
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
      <FormActions form={form} label="Add user" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}
