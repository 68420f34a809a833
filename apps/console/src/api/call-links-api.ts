import {
  callLinkSchema,
  type CallLink,
  type CallLinkCreateBody,
} from '@ringside/contracts/call-links';
import { readNothing, type ApiResult } from './http';
import { readItems, readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readLink = readWith(callLinkSchema);
const readLinks = readItems(callLinkSchema);

/**
 * `/api/admin/channels/:id/call-links`: a WhatsApp number's call links (admins make and delete
 * them; supervisors read), and where each link's QR code is served.
 *
 * @example
 * const links = new CallLinksApi(rest);
 * const made = await links.create(channelId, { label: 'Spring flyer', tag: 'spring' });
 */
export class CallLinksApi {
  constructor(private readonly rest: RestClient) {}

  list(channelId: string): Promise<ApiResult<CallLink[]>> {
    return this.rest.get(`/api/admin/channels/${segment(channelId)}/call-links`, readLinks);
  }

  create(channelId: string, body: CallLinkCreateBody): Promise<ApiResult<CallLink>> {
    return this.rest.post(`/api/admin/channels/${segment(channelId)}/call-links`, body, readLink);
  }

  remove(channelId: string, linkId: string): Promise<ApiResult<null>> {
    return this.rest.delete(
      `/api/admin/channels/${segment(channelId)}/call-links/${segment(linkId)}`,
      readNothing,
    );
  }

  /** same-origin address of the link's QR code, for `<img src>` and downloads */
  qrUrl(link: Pick<CallLink, 'id' | 'channelId'>, format: 'svg' | 'png'): string {
    return `/api/admin/channels/${segment(link.channelId)}/call-links/${segment(link.id)}/qr.${format}`;
  }
}
