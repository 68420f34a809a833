import { describe, expect, it } from 'vitest';
import type { ActiveCall, EndedCall, RingingCall } from './state';
import { commands, effectTypes, fixtureEvent, run, WA_CALL, t } from './test-support';

const connect = fixtureEvent('whatsapp/connect-user-initiated.json');
const completed = fixtureEvent('whatsapp/terminate-completed.json');
const cmd = commands(WA_CALL);

const queued = [connect, cmd.queue(t(1))];

describe('a queued call', () => {
  it('is answered by the media engine when nobody rings for it, and keeps ringing for agents', () => {
    const result = run(queued);
    expect(result.call).toMatchObject({ state: 'ringing', waiting: 'queued', queuedAt: t(1) });
    expect(result.effects.at(-1)).toEqual({
      type: 'answer-queue',
      callId: WA_CALL,
      channel: 'whatsapp',
      endpointId: expect.any(String),
    });
    expect(result.transitions).toEqual([{ from: 'none', to: 'ringing' }]);
  });

  it('is not queued twice, nor while an agent rings for it', () => {
    expect(effectTypes(run([cmd.queue(t(2))], run(queued).call).effects)).toEqual([
      'log-ignored:duplicate',
    ]);
    const rung = run([connect, cmd.rang(t(1), ['a1'])]).call;
    expect(effectTypes(run([cmd.queue(t(2))], rung).effects)).toEqual(['log-ignored:conflict']);
    expect(effectTypes(run([cmd.queue(t(2))]).effects)).toEqual(['log-ignored:out-of-order']);
  });

  it('goes to the agent who comes free: their answer starts the conversation, no second accept to Meta', () => {
    const result = run(
      [cmd.rang(t(30), ['a1']), cmd.claim(t(32), 'a1'), cmd.answerSent(t(33), 'a1')],
      run(queued).call,
    );
    expect(effectTypes(result.effects)).toEqual([
      'notify-offered',
      'notify-claimed',
      'notify-answered',
    ]);
    const active = result.call as ActiveCall;
    expect(active).toMatchObject({ state: 'active', agentId: 'a1', answeredAt: t(33) });
    // Meta's terminate after the conversation ends it as any answered call
    expect(run([completed], active).call).toMatchObject({ state: 'ended', outcome: 'completed' });
  });

  it('stays in the queue when the agent rung declines, or backs out of their claim', () => {
    const declined = run([cmd.rang(t(30), ['a1']), cmd.decline(t(31), 'a1')], run(queued).call);
    expect(declined.call).toMatchObject({ state: 'ringing', waiting: 'queued', agentsOffered: [] });
    expect(effectTypes(declined.effects)).toEqual(['notify-offered', 'notify-agents']);
    const released = run(
      [cmd.rang(t(30), ['a1']), cmd.claim(t(31), 'a1'), cmd.expired(t(40), 'claimed', t(31))],
      run(queued).call,
    );
    expect(released.call).toMatchObject({ state: 'ringing', waiting: 'queued', queuedAt: t(1) });
  });

  it('goes to voicemail at the queue limit: nobody is rung for it any more, those ringing stop', () => {
    const rung = run([cmd.rang(t(30), ['a1'])], run(queued).call).call;
    const limit = run([cmd.timeout(t(120))], rung);
    expect(limit.call).toMatchObject({
      state: 'ringing',
      waiting: 'voicemail',
      voicemailAt: t(120),
      agentsOffered: [],
    });
    expect(limit.effects).toEqual([
      { type: 'start-voicemail', callId: WA_CALL, withdrawn: ['a1'] },
    ]);
    expect(effectTypes(run([cmd.rang(t(121), ['a2'])], limit.call).effects)).toEqual([
      'log-ignored:unknown-transition',
    ]);
    expect(effectTypes(run([cmd.claim(t(121), 'a1')], limit.call).effects)).toEqual([
      'log-ignored:conflict',
    ]);
  });

  it('ends missed when the message is over: hung up by Meta, or by us at its longest (terminate, not reject)', () => {
    const voicemail = run([cmd.timeout(t(120))], run(queued).call).call;
    const byUs = run([cmd.timeout(t(180))], voicemail);
    expect((byUs.call as EndedCall).outcome).toBe('missed');
    expect(effectTypes(byUs.effects)).toContain('send-terminate');
    expect(effectTypes(byUs.effects)).not.toContain('send-reject');
    const byCaller = run([completed], voicemail).call as EndedCall;
    expect(byCaller).toMatchObject({ state: 'ended', outcome: 'missed' });
  });

  it('ends failed when Meta refuses the engine’s answer', () => {
    const refused = run([cmd.graphFailed(t(2), 138006)], run(queued).call);
    expect(refused.call).toMatchObject({ state: 'ended', outcome: 'failed' });
    expect(effectTypes(refused.effects)).toContain('send-reject');
  });

  it('leaves an ordinary ringing call as it was: the ring timeout still rejects it', () => {
    const plain = run([connect]).call as RingingCall;
    expect(plain.waiting).toBeUndefined();
    expect(effectTypes(run([cmd.timeout(t(60))], plain).effects)).toContain('send-reject');
  });
});
