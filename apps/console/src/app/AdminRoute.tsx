import { useState } from 'react';
import { AuditApi } from '../api/audit-api';
import { CallLinksApi } from '../api/call-links-api';
import { ChannelsApi } from '../api/channels-api';
import { FailedWebhookEventsApi } from '../api/failed-webhook-events-api';
import { OutgoingWebhooksApi } from '../api/outgoing-webhooks-api';
import { PermissionTemplateApi } from '../api/permission-template-api';
import type { RestClient } from '../api/rest-client';
import { UsersApi } from '../api/users-api';
import { WorkspaceSettingsApi } from '../api/workspace-settings-api';
import { AdminView } from '../views/admin/AdminView';
import type { AdminApis } from '../views/admin/useAdmin';
import { useServices } from './ConsoleProvider';

/**
 * The admin pages' APIs over the console's one REST client.
 *
 * @example
 * const apis = createAdminApis(services.rest);
 * await apis.users.list();
 */
export function createAdminApis(rest: RestClient): AdminApis {
  return {
    channels: new ChannelsApi(rest),
    callLinks: new CallLinksApi(rest),
    permissionTemplate: new PermissionTemplateApi(rest),
    users: new UsersApi(rest),
    workspace: new WorkspaceSettingsApi(rest),
    webhooks: new OutgoingWebhooksApi(rest),
    audit: new AuditApi(rest),
    failedEvents: new FailedWebhookEventsApi(rest),
  };
}

/**
 * `/admin/*` wired: the admin view with its APIs, made once per visit. Loaded with the page, so
 * the APIs' schemas stay out of the console's first load.
 *
 * @example
 * <Route path="admin/*" element={<AdminRoute />} />
 */
export function AdminRoute() {
  const { rest } = useServices();
  const [apis] = useState(() => createAdminApis(rest));
  return <AdminView apis={apis} />;
}
