import { useId, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAppState, useServices } from '../../app/ConsoleProvider';
import type { ApiError } from '../../api/http';
import { useT } from '../../i18n/I18nProvider';
import { NOT_LOADED } from '../../session/ConsoleSession';
import { currentLocale, t as translate } from '../../i18n/i18n';
import { Button } from '../../ui/controls';
import { safeNext } from './safe-next';

const FIELD =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-800';

/** `/login`: Email, Password, Sign in; a clear message when it fails */
export function LoginView() {
  const services = useServices();
  const auth = useAppState((s) => s.auth);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const next = safeNext(params.get('next'));
  const t = useT();

  if (auth === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!email.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    const failed = await services.signIn(email.trim(), password);
    setBusy(false);
    if (failed) {
      setError(signInProblem(failed));
      return;
    }
    void navigate(next, { replace: true });
  };

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-2xl font-bold">Ringside</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t('login.title')}</p>
        <form className="mt-6 space-y-4" onSubmit={(e) => void submit(e)} noValidate>
          <label className="block text-sm font-medium">
            {t('login.email')}
            <input
              className={FIELD}
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              required
              autoFocus
            />
          </label>
          <label className="block text-sm font-medium">
            {t('login.password')}
            <input
              className={FIELD}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              required
            />
          </label>
          {error ? (
            <p
              id={errorId}
              role="alert"
              className="text-sm font-medium text-rose-700 dark:text-rose-300"
            >
              {error}
            </p>
          ) : null}
          <Button tone="primary" type="submit" className="w-full" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </div>
    </main>
  );
}

// the server's refusals in the console's language; anything else as the server said it. The
// server words a throttled sign-in in English with the minutes to wait: English keeps that,
// other languages get the catalog's general form (the reply carries no number to fill in)
function signInProblem(failed: ApiError): string {
  if (failed.code === 'unauthorized') return translate('login.wrongCredentials');
  if (failed.code === NOT_LOADED.code) return translate('login.notLoaded');
  if (failed.code === 'rate_limited' && currentLocale() !== 'en') return translate('login.tooMany');
  return failed.message;
}
