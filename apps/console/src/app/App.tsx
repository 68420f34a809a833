import type { Role } from '@ringside/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell } from '../views/shell/AppShell';
import { useT } from '../i18n/I18nProvider';
import { useAppState } from './ConsoleProvider';

// every page loads on demand, keeping the first load small: the agent view comes with the
// signed-in services' chunk (socket, WebRTC), which the session loads before it starts
const AgentView = lazy(() =>
  import('../views/agent/AgentView').then((m) => ({ default: m.AgentView })),
);
const LoginView = lazy(() =>
  import('../views/login/LoginView').then((m) => ({ default: m.LoginView })),
);
// each page's route module builds its APIs over the one REST client (views only render)
const HistoryRoute = lazy(() =>
  import('./HistoryRoute').then((m) => ({ default: m.HistoryRoute })),
);
const SupervisorRoute = lazy(() =>
  import('./SupervisorRoute').then((m) => ({ default: m.SupervisorRoute })),
);
// "Test my setup" and its checks (relay probes, tone, judges) load only when its page opens
const SetupRoute = lazy(() => import('./SetupRoute').then((m) => ({ default: m.SetupRoute })));
// the reports page and its charts load only when a supervisor opens it
const ReportsRoute = lazy(() =>
  import('./ReportsRoute').then((m) => ({ default: m.ReportsRoute })),
);
const AdminRoute = lazy(() => import('./AdminRoute').then((m) => ({ default: m.AdminRoute })));
// the callback worklist and its reply schema load only when its page opens
const CallbacksRoute = lazy(() =>
  import('./CallbacksRoute').then((m) => ({ default: m.CallbacksRoute })),
);

// supervisors read the admin pages where the API lets them; only admins change anything
const STAFF: readonly Role[] = ['supervisor', 'admin'];

/**
 * The console's routes: `/login`, the agent view `/`, `/history`, `/callbacks` (the worklist),
 * `/setup` (Test my setup), and for supervisors and
 * admins `/supervisor` (the live board), `/supervisor/reports` and `/admin/*` (workspace settings).
 *
 * @example
 * <BrowserRouter><App /></BrowserRouter>
 */
export function App() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Lazy>
            <LoginView />
          </Lazy>
        }
      />
      <Route
        element={
          <RequireSignedIn>
            <AppShell />
          </RequireSignedIn>
        }
      >
        <Route
          index
          element={
            <Lazy>
              <AgentView />
            </Lazy>
          }
        />
        <Route
          path="callbacks"
          element={
            <Lazy>
              <div className="mx-auto max-w-3xl p-4">
                <CallbacksTitle />
                <CallbacksRoute />
              </div>
            </Lazy>
          }
        />
        <Route
          path="history"
          element={
            <Lazy>
              <HistoryRoute />
            </Lazy>
          }
        />
        <Route
          path="setup"
          element={
            <Lazy>
              <SetupRoute />
            </Lazy>
          }
        />
        <Route
          path="supervisor"
          element={
            <RequireRole roles={STAFF}>
              <Lazy>
                <SupervisorRoute />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="supervisor/reports"
          element={
            <RequireRole roles={STAFF}>
              <Lazy>
                <ReportsRoute />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="admin/*"
          element={
            <RequireRole roles={STAFF}>
              <Lazy>
                <AdminRoute />
              </Lazy>
            </RequireRole>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

function CallbacksTitle() {
  const t = useT();
  return <h1 className="sr-only">{t('shell.nav.callbacks')}</h1>;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Loading() {
  const t = useT();
  return (
    <p role="status" className="p-6 text-sm text-slate-600 dark:text-slate-300">
      {t('app.loading')}
    </p>
  );
}

/** signed-in pages: while checking, a short wait; signed out, the login page */
function RequireSignedIn({ children }: { children: ReactNode }) {
  const auth = useAppState((s) => s.auth);
  const location = useLocation();
  if (auth === 'checking') return <Loading />;
  if (auth === 'signed-out') {
    const next =
      location.pathname === '/'
        ? ''
        : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return children;
}

/** a page for some roles only: anyone else goes back to the agent view (the API refuses them too) */
function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const role = useAppState((s) => s.me?.role);
  if (!role || !roles.includes(role)) return <Navigate to="/" replace />;
  return children;
}
