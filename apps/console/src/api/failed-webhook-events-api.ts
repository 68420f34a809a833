import { failedWebhookEventViewSchema, type FailedWebhookEventView } from '@ringside/contracts';
import { readNothing, type ApiResult } from './http';
import { readItems, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readEvents = readItems(failedWebhookEventViewSchema);

/**
 * `/api/admin/failed-webhook-events`: Meta webhook events that kept failing to apply in this
 * workspace (newest first), and retrying one now. Admins only.
 *
 * @example
 * const failed = new FailedWebhookEventsApi(new RestClient());
 * const list = await failed.list();
 * if (list.ok && list.data[0]) await failed.retry(list.data[0].id);
 */
export class FailedWebhookEventsApi {
  constructor(private readonly rest: RestClient) {}

  list(): Promise<ApiResult<FailedWebhookEventView[]>> {
    return this.rest.get('/api/admin/failed-webhook-events', readEvents);
  }

  /** applies it again now; it leaves the list (and comes back if it fails again for minutes) */
  retry(id: string): Promise<ApiResult<null>> {
    return this.rest.post(
      `/api/admin/failed-webhook-events/${segment(id)}/retry`,
      undefined,
      readNothing,
    );
  }
}
