import { describeMetaError } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, useStack, type TestWorkspace } from '../testing/test-stack';

// the signaling-only answer carries no media, so Meta's no-media rule fires after 1.5 s
const stack = useStack({ sim: { timeouts: { mediaStartMs: 1_500 } } });

async function answeredCall(ws: TestWorkspace) {
  const agent = await ws.agent('Asha');
  const ringing = nextEvent(agent.socket, 'call:ringing');
  const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
  const { callId, sdpOffer } = await ringing;
  await command(agent.socket, 'call:accept', { callId });
  const busy = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'busy');
  await command(agent.socket, 'call:answer', { callId, sdp: businessAnswerFor(sdpOffer ?? '') });
  await busy;
  return { agent, call, callId };
}

describe('Meta ends a call in progress', () => {
  it('the caller hangs up: the agent is told, the call is completed and the agent is free again', async () => {
    const ws = await stack().workspace();
    const { agent, call, callId } = await answeredCall(ws);
    const ended = nextEvent(agent.socket, 'call:ended');
    const free = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'available');
    await call.hangUp();
    expect(await ended).toEqual({ callId, outcome: 'completed' });
    expect(await free).not.toHaveProperty('currentCallId');
    // the user hung up: no terminate from our side is needed
    expect(stack().sim.requests({ callId: call.id, action: 'terminate' })).toEqual([]);
  });

  it('no media reached Meta: the agent reads why in plain words, and the call is failed', async () => {
    const ws = await stack().workspace();
    const { agent, callId } = await answeredCall(ws);
    const ended = await nextEvent(agent.socket, 'call:ended', () => true, 5_000);
    expect(ended).toEqual({
      callId,
      outcome: 'failed',
      metaError: { code: 138021, meaning: describeMetaError(138021).meaning },
    });
    await stack().settled();
    const detail = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(detail?.call).toMatchObject({ outcome: 'failed', metaErrorCode: 138021 });
  });
});
