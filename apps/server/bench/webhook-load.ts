// child process: sends signed WhatsApp webhook pairs at a server, so the sender's work does not
// land on the event loop of the server being measured
import { META_SIGNATURE_HEADER, signMetaPayload } from '@ringside/contracts/signature';
import { serveParent } from './child';
import { fixedRateSchedule } from './fixed-rate-schedule';
import { createPoster, type Poster } from './http-post';
import { elapsedMs, summarize } from './stats';
import type {
  FixedRatePlan,
  LoadJob,
  LoadResult,
  MaxRatePlan,
  StatusCounts,
} from './webhook-load-protocol';
import { whatsappPairs, type WebhookPair } from './webhook-bodies';

const now = () => process.hrtime.bigint();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

serveParent(async (job: LoadJob): Promise<LoadResult> => {
  const poster = createPoster(job.url, job.plan.connections);
  try {
    return job.plan.kind === 'max-rate'
      ? await maxRate(job, job.plan, poster)
      : await fixedRate(job, job.plan, poster);
  } finally {
    poster.close();
  }
});

function signer(job: LoadJob) {
  return (body: string) => ({ [META_SIGNATURE_HEADER]: signMetaPayload(body, job.appSecret) });
}

async function maxRate(job: LoadJob, plan: MaxRatePlan, poster: Poster): Promise<LoadResult> {
  const pairs = whatsappPairs({ phoneNumberId: job.phoneNumberId, runTag: job.runTag });
  const sign = signer(job);
  const statuses: StatusCounts = {};
  let next = 0;

  // one sender: a call's terminate goes only after its connect was acknowledged
  async function sendPair(pair: WebhookPair): Promise<boolean> {
    const ring = await poster.post(pair.connect, sign(pair.connect));
    count(statuses, ring);
    const end = await poster.post(pair.terminate, sign(pair.terminate));
    count(statuses, end);
    return ring === 200 && end === 200;
  }

  async function sender(until: () => boolean, onDone: (ok: boolean) => void): Promise<void> {
    while (!until()) onDone(await sendPair(pairs(next++)));
  }

  const started = now();
  const deadline = started + BigInt(plan.durationMs) * 1_000_000n;
  const lastPair = plan.maxPairs;
  let completed = 0;
  let finished = started;
  await Promise.all(
    Array.from({ length: plan.connections }, () =>
      sender(
        () => next >= lastPair || now() >= deadline,
        (ok) => {
          if (ok) completed += 1;
          finished = now();
        },
      ),
    ),
  );
  return { kind: 'max-rate', pairs: completed, elapsedMs: elapsedMs(started, finished), statuses };
}

async function fixedRate(job: LoadJob, plan: FixedRatePlan, poster: Poster): Promise<LoadResult> {
  const pairs = whatsappPairs({ phoneNumberId: job.phoneNumberId, runTag: job.runTag });
  const sign = signer(job);
  const slots = fixedRateSchedule(plan.requests, plan.terminateLag);
  // bodies and signatures ready before the clock starts: the schedule is the sender's only work
  const built = new Map<number, WebhookPair>();
  const requests = slots.map((slot) => {
    const pair = built.get(slot.pair) ?? pairs(slot.pair);
    built.set(slot.pair, pair);
    const body = slot.kind === 'connect' ? pair.connect : pair.terminate;
    return { body, headers: sign(body) };
  });

  const intervalMs = 1000 / plan.perSecond;
  const statuses: StatusCounts = {};
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let senderLagMs = 0;
  const started = now();
  let sent = 0;
  while (sent < requests.length) {
    const at = elapsedMs(started, now());
    while (sent < requests.length && sent * intervalMs <= at) {
      const request = requests[sent];
      const scheduledMs = sent * intervalMs;
      senderLagMs = Math.max(senderLagMs, at - scheduledMs);
      sent += 1;
      if (!request) continue;
      inFlight.push(
        poster.post(request.body, request.headers).then((status) => {
          count(statuses, status);
          // from the scheduled time, so a stalled server cannot hide its queue (no coordinated omission)
          latencies.push(elapsedMs(started, now()) - scheduledMs);
        }),
      );
    }
    await sleep(1);
  }
  // an overloaded server would keep the run going for as long as its queue: cut it off
  const answered = Promise.all(inFlight);
  let grace: NodeJS.Timeout | undefined;
  const cutOff = await Promise.race([
    answered.then(() => false),
    new Promise<boolean>((resolve) => {
      grace = setTimeout(() => resolve(true), plan.graceMs);
    }),
  ]);
  clearTimeout(grace);
  if (cutOff) poster.close();
  await answered;
  return {
    kind: 'fixed-rate',
    sent,
    latency: summarize(latencies),
    elapsedMs: elapsedMs(started, now()),
    statuses,
    senderLagMs,
  };
}

function count(statuses: StatusCounts, status: number): void {
  statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
}
