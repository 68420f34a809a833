import { createContext, useContext } from 'react';
import type { AuditApi } from '../../api/audit-api';
import type { CallLinksApi } from '../../api/call-links-api';
import type { ChannelsApi } from '../../api/channels-api';
import type { FailedWebhookEventsApi } from '../../api/failed-webhook-events-api';
import type { OutgoingWebhooksApi } from '../../api/outgoing-webhooks-api';
import type { PermissionTemplateApi } from '../../api/permission-template-api';
import type { UsersApi } from '../../api/users-api';
import type { WorkspaceSettingsApi } from '../../api/workspace-settings-api';

/** the admin pages' APIs, made once per visit */
export interface AdminApis {
  channels: ChannelsApi;
  callLinks: CallLinksApi;
  permissionTemplate: PermissionTemplateApi;
  users: UsersApi;
  workspace: WorkspaceSettingsApi;
  webhooks: OutgoingWebhooksApi;
  audit: AuditApi;
  failedEvents: FailedWebhookEventsApi;
}

/** what every admin section needs: the APIs, and whether this user may change anything */
export interface AdminContextValue {
  apis: AdminApis;
  /** admins change settings; supervisors only read them */
  canChange: boolean;
  /** the signed-in user's id (an admin cannot deactivate or demote themselves by accident) */
  meId: string;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

/**
 * The admin pages' APIs and permissions. Throws outside `<AdminView>`, a wiring mistake.
 *
 * @example
 * const { apis, canChange } = useAdmin();
 */
export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value)
    throw new Error('useAdmin() was called outside <AdminView>; render sections inside it');
  return value;
}
