import { useT } from '../../i18n/I18nProvider';
import { t, type MessageKey } from '../../i18n/i18n';
import { useMemo, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useAppState } from '../../app/ConsoleProvider';
import { Banner } from '../../ui/controls';
import { AuditSection } from './AuditSection';
import { ChannelsSection } from './ChannelsSection';
import { DoctorChecks } from './doctor/DoctorChecks';
import { FailedEventsSection } from './FailedEventsSection';
import { AdminContext, type AdminApis, type AdminContextValue } from './useAdmin';
import { UsersSection } from './UsersSection';
import { WebhooksSection } from './WebhooksSection';
import { WorkspaceSection } from './WorkspaceSection';

const SECTIONS = [
  { path: 'channels', title: 'admin.section.channels', element: <ChannelsSection /> },
  { path: 'users', title: 'admin.section.users', element: <UsersSection /> },
  { path: 'webhooks', title: 'admin.section.webhooks', element: <WebhooksSection /> },
  { path: 'workspace', title: 'admin.section.workspace', element: <WorkspaceSection /> },
  { path: 'audit', title: 'admin.section.audit', element: <AuditSection /> },
  // admins only: the list names calls and server errors
  {
    path: 'failed-webhook-events',
    title: 'admin.section.failed',
    element: <FailedEventsSection />,
    adminOnly: true,
  },
  // admins only: the checks ask Meta with the channels' tokens
  { path: 'checks', title: 'admin.section.checks', element: <DoctorChecks />, adminOnly: true },
] as const satisfies readonly {
  path: string;
  title: MessageKey;
  element: ReactNode;
  adminOnly?: true;
}[];

const TAB = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${
    isActive
      ? 'bg-sky-700 text-white'
      : 'text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800'
  }`;

/**
 * `/admin/*`: channels, users, event webhooks, the workspace and Meta webhook, the audit log,
 * and (admins only) failed webhook events and the set-up checks.
 * Admins change them; supervisors read them; agents never get here (the route sends them back).
 * The APIs come from the wiring (`app/AdminRoute.tsx`).
 *
 * @example
 * <AdminView apis={createAdminApis(rest)} />
 */
export function AdminView({ apis }: { apis: AdminApis }) {
  const me = useAppState((s) => s.me);
  const context = useMemo<AdminContextValue>(
    () => ({ apis, canChange: me?.role === 'admin', meId: me?.id ?? '' }),
    [apis, me],
  );
  const sections = SECTIONS.filter((s) => context.canChange || !('adminOnly' in s));
  useT();

  return (
    <AdminContext.Provider value={context}>
      <div className="mx-auto max-w-5xl space-y-4 p-4">
        <h1 className="text-xl font-bold">{t('admin.title')}</h1>
        {context.canChange ? null : (
          <Banner kind="info" title={t('admin.readOnly.title')}>
            {t('admin.readOnly.body')}
          </Banner>
        )}
        <nav aria-label={t('admin.nav')} className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1">
          {sections.map((section) => (
            <NavLink key={section.path} to={`/admin/${section.path}`} className={TAB}>
              {t(section.title)}
            </NavLink>
          ))}
        </nav>
        <Routes>
          <Route index element={<Navigate to="/admin/channels" replace />} />
          {sections.map((section) => (
            <Route
              key={section.path}
              path={section.path}
              element={<Section title={t(section.title)}>{section.element}</Section>}
            />
          ))}
          <Route path="*" element={<Navigate to="/admin/channels" replace />} />
        </Routes>
      </div>
    </AdminContext.Provider>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="admin-section-title" className="space-y-3">
      <h2 id="admin-section-title" className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
