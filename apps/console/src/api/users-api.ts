import {
  userViewSchema,
  type UserCreateBody,
  type UserUpdateBody,
  type UserView,
} from '@ringside/contracts';
import type { ApiResult } from './http';
import { readItems, readWith, segment } from './read-schema';
import type { RestClient } from './rest-client';

const readUser = readWith(userViewSchema);
const readUsers = readItems(userViewSchema);

/**
 * `/api/admin/users`: the workspace's people. Deactivating, a role change and a password reset
 * drop the user's sockets at once (server side).
 *
 * @example
 * const users = new UsersApi(new RestClient());
 * await users.update(asha.id, { disabled: true });
 */
export class UsersApi {
  constructor(private readonly rest: RestClient) {}

  list(): Promise<ApiResult<UserView[]>> {
    return this.rest.get('/api/admin/users', readUsers);
  }

  create(body: UserCreateBody): Promise<ApiResult<UserView>> {
    return this.rest.post('/api/admin/users', body, readUser);
  }

  update(id: string, body: UserUpdateBody): Promise<ApiResult<UserView>> {
    return this.rest.patch(`/api/admin/users/${segment(id)}`, body, readUser);
  }
}
