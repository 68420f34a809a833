import {
  metaWebhookSettingsViewSchema,
  workspaceViewSchema,
  type MetaWebhookSettingsView,
  type WorkspaceView,
} from '@ringside/contracts';
import type { ApiResult, ReadReply } from './http';
import { readItems, readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readWorkspaces = readItems(workspaceViewSchema);
const readWorkspace = readWith(workspaceViewSchema);
const readMetaWebhook = readWith(metaWebhookSettingsViewSchema);
const readOwn: ReadReply<WorkspaceView> = (body) => readWorkspaces(body)?.[0];

/**
 * The workspace's name and the Meta webhook to paste into Meta's dashboard (callback URL and
 * verify token shown; the app secret write-only).
 *
 * @example
 * const settings = new WorkspaceSettingsApi(new RestClient());
 * await settings.setAppSecret('0f1e2d3c4b5a69788796a5b4c3d2e1f0');
 */
export class WorkspaceSettingsApi {
  constructor(private readonly rest: RestClient) {}

  /** the signed-in user's own workspace */
  workspace(): Promise<ApiResult<WorkspaceView>> {
    return this.rest.get('/api/admin/workspaces', readOwn);
  }

  rename(id: string, name: string): Promise<ApiResult<WorkspaceView>> {
    return this.rest.patch(`/api/admin/workspaces/${segment(id)}`, { name }, readWorkspace);
  }

  metaWebhook(): Promise<ApiResult<MetaWebhookSettingsView>> {
    return this.rest.get('/api/admin/meta-webhook', readMetaWebhook);
  }

  /** stores the app secret; `null` goes back to the server's `META_APP_SECRET` */
  setAppSecret(appSecret: string | null): Promise<ApiResult<MetaWebhookSettingsView>> {
    return this.rest.put('/api/admin/meta-webhook', { appSecret }, readMetaWebhook);
  }
}
