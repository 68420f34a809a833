import { describe, expect, it } from 'vitest';
import type { CallEvent } from './commands';
import { commands, fixtureEvent, run, WA_CALL, t } from './test-support';

const cmd = commands(WA_CALL);

// the connect of a customer who called from a tagged call link and a call button
function connectFromLink(): CallEvent {
  const connect = fixtureEvent('whatsapp/connect-user-initiated.json');
  if (connect.kind !== 'call.offered') throw new Error('fixture is not a connect');
  return { ...connect, deeplinkPayload: 'spring-flyer', ctaPayload: 'order-4471' };
}

describe('call link and call button payloads', () => {
  it('stay on the call from ringing through answer to the end', () => {
    const steps: CallEvent[] = [
      connectFromLink(),
      cmd.rang(t(1), ['a1']),
      cmd.claim(t(2), 'a1'),
      cmd.answerSent(t(3), 'a1'),
      cmd.accepted(t(4)),
      cmd.hangup(t(20), 'a1'),
    ];
    for (let n = 1; n <= steps.length; n++) {
      const { call } = run(steps.slice(0, n));
      expect(call, `after ${n} steps (${call?.state})`).toMatchObject({
        deeplinkPayload: 'spring-flyer',
        ctaPayload: 'order-4471',
      });
    }
  });

  it('are kept when the caller hung up before the connect was heard', () => {
    const terminate = fixtureEvent('whatsapp/terminate-not-answered.json');
    const { call } = run([terminate, connectFromLink()]);
    expect(call).toMatchObject({ state: 'ended', deeplinkPayload: 'spring-flyer' });
  });

  it('are absent on a plain call', () => {
    const { call } = run([fixtureEvent('whatsapp/connect-user-initiated.json')]);
    expect(call).not.toHaveProperty('deeplinkPayload');
    expect(call).not.toHaveProperty('ctaPayload');
  });
});
