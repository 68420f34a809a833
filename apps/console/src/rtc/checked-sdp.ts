import { validateLocalAnswer, validateLocalOffer, type ExpectedTrack } from '@ringside/sdp';
import type { Logger } from '../log';
import { waitForIceGathering } from './ice-gathering';
import type { LocalSdpResult } from './sdp-strategy';

export interface CheckOptions {
  /** bound on ICE gathering before the SDP goes out with what was gathered */
  boundMs: number;
  /** what the SDP must announce: our microphone's stream */
  expectTrack: ExpectedTrack;
  log: Logger;
  callId: string;
}

/**
 * Our local description once ICE gathering is done (or its bound passed: we send what was
 * gathered), checked with `validateLocalOffer` / `validateLocalAnswer` for our microphone: a
 * recvonly or broken description is refused here and never leaves the browser.
 *
 * @example
 * await pc.setLocalDescription(await pc.createOffer());
 * const checked = await gatheredAndChecked(pc, 'offer', { boundMs: 1500, expectTrack: { msid }, log, callId });
 * if (checked.ok) send(checked.sdp);
 */
export async function gatheredAndChecked(
  pc: RTCPeerConnection,
  kind: 'offer' | 'answer',
  options: CheckOptions,
): Promise<LocalSdpResult> {
  const gathering = await waitForIceGathering(pc, options.boundMs);
  if (gathering === 'timed-out') {
    options.log.info(
      `call ${options.callId}: sending the ${kind} with the candidates gathered so far`,
    );
  }
  const validate = kind === 'offer' ? validateLocalOffer : validateLocalAnswer;
  const checked = validate(pc.localDescription?.sdp, { expectTrack: options.expectTrack });
  if (!checked.ok) {
    return {
      ok: false,
      failure: {
        reason: 'sdp-invalid',
        message: `Our ${kind} failed its check (${checked.error.message}), so it was not sent.`,
      },
    };
  }
  return { ok: true, sdp: checked.summary.sdp };
}
