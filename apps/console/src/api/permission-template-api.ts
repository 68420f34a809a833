import {
  permissionTemplateBodySchema,
  type PermissionTemplate,
  type PermissionTemplateBody,
} from '@ringside/contracts/permission-template';
import type { ApiResult } from './http';
import { readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readTemplate = readWith(permissionTemplateBodySchema);

/**
 * `/api/admin/channels/:id/permission-template`: the approved template a WhatsApp number asks
 * for call permission with outside the 24-hour window.
 *
 * @example
 * await new PermissionTemplateApi(rest).save(channelId, { name: 'call_permission', language: 'en' });
 */
export class PermissionTemplateApi {
  constructor(private readonly rest: RestClient) {}

  get(channelId: string): Promise<ApiResult<PermissionTemplateBody>> {
    return this.rest.get(
      `/api/admin/channels/${segment(channelId)}/permission-template`,
      readTemplate,
    );
  }

  /** `null` clears it */
  save(
    channelId: string,
    template: PermissionTemplate | null,
  ): Promise<ApiResult<PermissionTemplateBody>> {
    return this.rest.put(
      `/api/admin/channels/${segment(channelId)}/permission-template`,
      { template },
      readTemplate,
    );
  }
}
