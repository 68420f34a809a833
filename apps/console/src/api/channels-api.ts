import {
  adminCallSettingsViewSchema,
  adminChannelViewSchema,
  type AdminCallSettingsBody,
  type AdminCallSettingsView,
  channelTestResultSchema,
  type AdminChannelCreateBody,
  type AdminChannelUpdateBody,
  type AdminChannelView,
  type ChannelTestResult,
} from '@ringside/contracts';
import type { ApiResult } from './http';
import { readItems, readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readChannel = readWith(adminChannelViewSchema);
const readChannels = readItems(adminChannelViewSchema);
const readTest = readWith(channelTestResultSchema);
const readCallSettings = readWith(adminCallSettingsViewSchema);

/**
 * `/api/admin/channels`: WhatsApp numbers and Pages with who answers them and how they ring.
 * Reading is open to supervisors; changes and "Test connection" are for admins. Tokens go in,
 * never come back (`tokenSet`).
 *
 * @example
 * const channels = new ChannelsApi(new RestClient());
 * const added = await channels.create({ channel: 'messenger', pageId: '106378625516309', name: 'Acme', accessToken });
 */
export class ChannelsApi {
  constructor(private readonly rest: RestClient) {}

  list(): Promise<ApiResult<AdminChannelView[]>> {
    return this.rest.get('/api/admin/channels', readChannels);
  }

  create(body: AdminChannelCreateBody): Promise<ApiResult<AdminChannelView>> {
    return this.rest.post('/api/admin/channels', body, readChannel);
  }

  update(id: string, body: AdminChannelUpdateBody): Promise<ApiResult<AdminChannelView>> {
    return this.rest.patch(`/api/admin/channels/${segment(id)}`, body, readChannel);
  }

  /** the number's or Page's call settings as Meta reads them now (admins) */
  callSettings(id: string): Promise<ApiResult<AdminCallSettingsView>> {
    return this.rest.get(`/api/admin/channels/${segment(id)}/call-settings`, readCallSettings);
  }

  /** writes call settings to Meta; answers what Meta reads back, or field issues */
  saveCallSettings(
    id: string,
    body: AdminCallSettingsBody,
  ): Promise<ApiResult<AdminCallSettingsView>> {
    return this.rest.put(
      `/api/admin/channels/${segment(id)}/call-settings`,
      body,
      readCallSettings,
    );
  }

  /** a cheap Graph read with the channel's token; Meta's answer in words */
  test(id: string): Promise<ApiResult<ChannelTestResult>> {
    return this.rest.post(`/api/admin/channels/${segment(id)}/test`, undefined, readTest);
  }
}
