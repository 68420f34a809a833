import { HttpClient, type ApiResult, type FetchLike, type ReadReply } from './http';

type Verb = 'PUT' | 'PATCH' | 'DELETE';

/**
 * The JSON client of the supervisor and admin pages: {@link HttpClient}'s error words and reply
 * checks, with the verbs those APIs use besides GET and POST (PUT, PATCH, DELETE).
 *
 * @example
 * const rest = new RestClient();
 * const saved = await rest.patch(`/api/admin/users/${id}`, { role: 'supervisor' }, readUser);
 * if (!saved.ok) show(saved.error.message);
 */
export class RestClient {
  readonly #plain: HttpClient;
  readonly #verbs: Record<Verb, HttpClient>;

  constructor(fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init)) {
    this.#plain = new HttpClient(fetchImpl);
    // httpclient speaks GET and POST; the same client with the verb swapped on the way out keeps
    // one place for errors and reply checks
    const as = (method: Verb) =>
      new HttpClient((input, init) => fetchImpl(input, { ...init, method }));
    this.#verbs = { PUT: as('PUT'), PATCH: as('PATCH'), DELETE: as('DELETE') };
  }

  get<T>(path: string, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.#plain.get(path, read);
  }

  post<T>(path: string, body: unknown, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.#plain.post(path, body, read);
  }

  put<T>(path: string, body: unknown, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.#verbs.PUT.post(path, body, read);
  }

  patch<T>(path: string, body: unknown, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.#verbs.PATCH.post(path, body, read);
  }

  delete<T>(path: string, read: ReadReply<T>): Promise<ApiResult<T>> {
    return this.#verbs.DELETE.post(path, undefined, read);
  }
}
