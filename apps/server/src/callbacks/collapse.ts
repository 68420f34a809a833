/** A call of a customer on a line, as the worklist reads it. */
export interface CustomerCall {
  id: string;
  channelId: string;
  /** the stored `caller_id`: phone, else BSUID, or PSID */
  callerId: string | null;
  /** the BSUID, when Meta sent one */
  callerUserId: string | null;
  at: Date;
}

/** What agents did about a missed call (a `callbacks` row). */
export interface CallbackMark {
  claimedBy: string | null;
  claimedAt: Date | null;
  doneAt: Date | null;
}

/** One customer to call back on one line. */
export interface OpenCallback {
  /** the latest open miss: the id the claim, release and done routes take */
  callId: string;
  channelId: string;
  firstMissedAt: Date;
  lastMissedAt: Date;
  tries: number;
  claimedBy: string | null;
  claimedAt: Date | null;
  /** every open miss, oldest first (a claim may sit on an earlier one) */
  missIds: string[];
}

/**
 * The callback worklist from missed calls, the answered calls with the same customers on the
 * same lines (either direction), and agents' marks. Per customer and line, a miss is open
 * unless the customer got through after it (an answered call later on that line) or an agent
 * marked it, or a later miss, done. Repeats collapse into one entry: the latest open miss, with
 * how many open misses there are (`tries`) and the newest claim among them. Two calls are the
 * same customer when they share the phone/PSID or the BSUID. Oldest waiting first.
 *
 * @example
 * collapseCallbacks([miss1, miss2], [], new Map()); // [{ callId: miss2.id, tries: 2, … }]
 */
export function collapseCallbacks(
  missed: readonly CustomerCall[],
  answered: readonly CustomerCall[],
  marks: ReadonlyMap<string, CallbackMark>,
): OpenCallback[] {
  const groups = groupByCustomer([...missed, ...answered]);
  const answeredIds = new Set(answered.map((call) => call.id));
  const result: OpenCallback[] = [];
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => a.at.getTime() - b.at.getTime());
    // whatever closes misses: the customer reached, or an agent's done (on a miss, closing it and earlier ones)
    let closedUntil = -Infinity;
    for (const call of sorted) {
      if (answeredIds.has(call.id) || marks.get(call.id)?.doneAt) closedUntil = call.at.getTime();
    }
    const open = sorted.filter(
      (call) => !answeredIds.has(call.id) && call.at.getTime() > closedUntil,
    );
    const last = open.at(-1);
    const first = open[0];
    if (!last || !first) continue;
    const claim = open
      .map((call) => marks.get(call.id))
      .filter((mark): mark is CallbackMark => mark?.claimedBy != null)
      .sort((a, b) => (b.claimedAt?.getTime() ?? 0) - (a.claimedAt?.getTime() ?? 0))[0];
    result.push({
      callId: last.id,
      channelId: last.channelId,
      firstMissedAt: first.at,
      lastMissedAt: last.at,
      tries: open.length,
      claimedBy: claim?.claimedBy ?? null,
      claimedAt: claim?.claimedAt ?? null,
      missIds: open.map((call) => call.id),
    });
  }
  return result.sort((a, b) => a.firstMissedAt.getTime() - b.firstMissedAt.getTime());
}

/** calls grouped by line and customer, joining calls that share either identity */
function groupByCustomer(calls: readonly CustomerCall[]): CustomerCall[][] {
  const parent = calls.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const seen = new Map<string, number>();
  calls.forEach((call, i) => {
    for (const id of [call.callerId, call.callerUserId]) {
      if (id === null) continue;
      const key = `${call.channelId}\u0000${id}`;
      const other = seen.get(key);
      if (other === undefined) seen.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const groups = new Map<number, CustomerCall[]>();
  calls.forEach((call, i) => {
    // a call with no identity at all is its own customer
    const key = root(i);
    groups.set(key, [...(groups.get(key) ?? []), call]);
  });
  return [...groups.values()];
}
