import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/** the console's text field look, shared by the admin and supervisor forms */
export const FIELD_CLASS =
  'mt-1 block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800 aria-[invalid=true]:border-rose-600 dark:aria-[invalid=true]:border-rose-400';

/**
 * A labelled input with an optional hint and error, wired for screen readers.
 *
 * @example
 * <TextField label="Page id" value={pageId} onChange={(e) => setPageId(e.target.value)} error={problems.pageId} />
 */
export function TextField({
  label,
  hint,
  error,
  className = '',
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string }) {
  const { id, control } = useFieldWiring(hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input {...control} {...input} />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/**
 * A labelled select with an optional hint and error.
 *
 * @example
 * <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value)}><option value="agent">Agent</option></SelectField>
 */
export function SelectField({
  label,
  hint,
  error,
  className = '',
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const { id, control } = useFieldWiring(hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select {...control} {...select}>
        {children}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

// the control's id, look, and the hint and error it is described by
function useFieldWiring(hint: string | undefined, error: string | undefined) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return {
    id,
    control: {
      id,
      className: FIELD_CLASS,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
    },
  };
}

function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * What a form or action said back: an error to read (announced) or a short confirmation.
 *
 * @example
 * <Outcome outcome={{ kind: 'error', text: 'That Page is already connected.' }} />
 */
export function Outcome({ outcome }: { outcome: OutcomeMessage | null }) {
  if (!outcome) return null;
  return outcome.kind === 'error' ? (
    <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">
      {outcome.text}
    </p>
  ) : (
    <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-200">
      {outcome.text}
    </p>
  );
}

export type OutcomeMessage = { kind: 'error' | 'done'; text: string };

/**
 * Loading and error lines for a section's data; `loading` names what loads when the error line
 * names it otherwise ("Loading calls…", "The call log could not be loaded: …").
 *
 * @example
 * if (users.state !== 'ready') return <LoadState loaded={users} what="users" />;
 */
export function LoadState({
  loaded,
  what,
  loading = what,
}: {
  loaded: { state: 'loading' } | { state: 'error'; message: string };
  what: string;
  loading?: string;
}) {
  return loaded.state === 'loading' ? (
    <p role="status" className="text-sm">
      Loading {loading}…
    </p>
  ) : (
    <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
      The {what} could not be loaded: {loaded.message}
    </p>
  );
}
