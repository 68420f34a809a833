import { useT } from '../../i18n/I18nProvider';
import type { UserView } from '@ringside/contracts';
import { useId } from 'react';
import { roleName } from './user-words';

/** tick the people who answer a channel */
export function UserPicker({
  legend,
  hint,
  users,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  hint: string;
  users: readonly UserView[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const id = useId();
  const toggle = (userId: string, on: boolean) =>
    onChange(on ? [...chosen, userId] : chosen.filter((c) => c !== userId));
  return (
    <fieldset aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        {hint}
      </p>
      {users.length === 0 ? (
        <p className="mt-1 text-sm">{t('picker.noUsers')}</p>
      ) : (
        <div className="mt-1 grid gap-x-4 sm:grid-cols-2">
          {users.map((user) => (
            <label key={user.id} className="flex min-h-9 items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(user.id)}
                onChange={(e) => toggle(user.id, e.target.checked)}
              />
              <span className="min-w-0 truncate">
                {user.name}{' '}
                <span className="text-slate-600 dark:text-slate-400">({roleName(user.role)})</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p className="mt-1 text-xs font-medium text-rose-700 dark:text-rose-300">{error}</p>
      ) : null}
    </fieldset>
  );
}
