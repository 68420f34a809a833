import { sql, type SQL } from 'drizzle-orm';

/** A customer as Meta names them: phone number, business-scoped user id, or both. */
export interface CustomerIds {
  /** the stored `caller_id`: phone, else BSUID, or PSID */
  readonly id: string;
  /** the BSUID, when known */
  readonly userId?: string | undefined;
}

/**
 * A condition on the `calls` table (unaliased) matching every call of one customer, whichever
 * identity Meta sent each time (*Business-scoped user IDs*: phone, BSUID, or both). Calls that
 * carried both link the two: a call known by phone only and one known by BSUID only are the same
 * customer once any call of theirs named both. Phone numbers are digits and BSUIDs start with a
 * country code and a period, so the two never collide.
 *
 * The identities linked through other calls are read first (each an index look-up), so the
 * condition is two index look-ups on `caller_id` and `caller_user_id`: it reads the customer's own
 * calls, never the whole history (every ring counts them; `in (subquery)` arms made it a scan).
 *
 * @example
 * sql`select count(*) from calls where workspace_id = ${ws} and ${sameCustomerSql(ws, { id: '918097530000', userId: 'IN.1349' })}`;
 */
export function sameCustomerSql(workspaceId: string, customer: CustomerIds): SQL {
  const ids = customer.userId === undefined ? [customer.id] : [customer.id, customer.userId];
  const list = sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]`;
  return sql`(calls.caller_id = any(${list} || array(select distinct linked.caller_id
      from calls linked
      where linked.workspace_id = ${workspaceId} and linked.caller_user_id = any(${list})
        and linked.caller_id is not null))
    or calls.caller_user_id = any(${list} || array(select distinct linked.caller_user_id
      from calls linked
      where linked.workspace_id = ${workspaceId} and linked.caller_id = any(${list})
        and linked.caller_user_id is not null)))`;
}
