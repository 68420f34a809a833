import { fixActpassInRemoteAnswer, validateRemoteAnswer } from '@ringside/sdp';

/** Meta's answer made ready for `setRemoteDescription`, or why it cannot be used */
export type MetaAnswer = { ok: true; sdp: string } | { ok: false; message: string };

/**
 * Checks Meta's answer to our offer (Messenger's `sdp_response`, WhatsApp's business-initiated
 * connect) and turns an `a=setup:actpass` — which Meta has been seen sending and browsers refuse
 * in an answer — into `active`.
 *
 * @example
 * const answer = readMetaAnswer(reply.sdpResponse, 'Messenger');
 * if (answer.ok) await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
 */
export function readMetaAnswer(text: string, channelName: string): MetaAnswer {
  const answer = validateRemoteAnswer(text);
  if (!answer.ok) {
    return {
      ok: false,
      message: `${channelName}'s answer cannot be used: ${answer.error.message}`,
    };
  }
  const sdp = answer.summary.needsActpassFix
    ? fixActpassInRemoteAnswer(answer.summary.sdp)
    : answer.summary.sdp;
  return { ok: true, sdp };
}
