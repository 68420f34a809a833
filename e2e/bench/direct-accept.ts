import type { MetaSim, SimWhatsAppNumber } from '@ringside/meta-sim';
import type { Page } from 'playwright-core';
import { eventually } from '../support/poll';
import { readAcceptTimings } from '../support/rtc-probe';

// the evaluate callbacks below run in the page: only casts, no helpers (none exist there)

/** the peer page's own api (`globalThis.ringsidePeer`, meta-sim's peer-page.ts) */
interface PeerPageApi {
  answerOffer(arg: { sdp: string; addMicFirst: boolean; gatherBoundMs: number }): Promise<string>;
  setMicEnabled(arg: { enabled: boolean }): Promise<void>;
  close(arg: Record<string, never>): Promise<void>;
}

/** the peer page's globals, with the RTC probe installed */
interface PeerPage {
  ringsidePeer: PeerPageApi;
  __ringsideE2e: { startTimer(startedAt: number): void };
}

// the console's own bound on ICE gathering: the baseline may not wait longer than it does
const GATHER_BOUND_MS = 1500;

/**
 * The baseline for accept → first audio: the same Chromium and the same simulated caller,
 * connected directly, with no server and no UI. The page is the simulator harness's peer page
 * (what `BrowserPeer` drives) with the RTC probe installed, so both sides are timed by the same
 * in-page poller. Starts the timer, answers the caller's offer with the (warm) microphone,
 * sends `pre_accept` and `accept` to the simulator's Graph API as our server would, and
 * resolves with the milliseconds until the first inbound audio packet.
 *
 * @example
 * const ms = await timeDirectAccept(page, { sim, simUrl, number });
 */
export async function timeDirectAccept(
  page: Page,
  meta: { sim: MetaSim; simUrl: string; number: SimWhatsAppNumber },
): Promise<number> {
  const call = await meta.sim.placeCall({
    channel: 'whatsapp',
    name: 'Baseline Caller',
    to: meta.number.phoneNumberId,
  });
  const offer = call.media?.localDescription;
  if (!offer) throw new Error('the simulated caller made no offer');
  // warm the microphone outside the timed span, as the console keeps it warm while available
  await page.evaluate(() =>
    (globalThis as unknown as PeerPage).ringsidePeer.setMicEnabled({ enabled: true }),
  );
  const before = (await readAcceptTimings(page)).length;
  const answer = await page.evaluate(
    ({ sdp, gatherBoundMs }) => {
      const page = globalThis as unknown as PeerPage;
      page.__ringsideE2e.startTimer(performance.now());
      return page.ringsidePeer.answerOffer({ sdp, addMicFirst: true, gatherBoundMs });
    },
    { sdp: offer, gatherBoundMs: GATHER_BOUND_MS },
  );
  for (const action of ['pre_accept', 'accept'] as const) {
    await graphCall(meta, {
      action,
      call_id: call.id,
      session: { sdp_type: 'answer', sdp: answer },
    });
  }
  const timings = await eventually(
    () => readAcceptTimings(page),
    (list) => list[before]?.firstPacketAt != null,
    { timeoutMs: 20_000, intervalMs: 20 },
  );
  await call.hangUp();
  await page.evaluate(() => (globalThis as unknown as PeerPage).ringsidePeer.close({}));
  const timing = timings[before];
  if (timing?.firstPacketAt == null) throw new Error('no audio reached the browser in 20 s');
  return timing.firstPacketAt - timing.startedAt;
}

async function graphCall(
  meta: { simUrl: string; number: SimWhatsAppNumber; sim: MetaSim },
  body: Record<string, unknown>,
): Promise<void> {
  const url = `${meta.simUrl}/${meta.sim.graphVersion}/${meta.number.phoneNumberId}/calls`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${meta.number.accessToken}`,
    },
    body: JSON.stringify({ messaging_product: 'whatsapp', ...body }),
  });
  if (!response.ok) {
    throw new Error(`the simulator refused ${String(body['action'])}: ${await response.text()}`);
  }
}
