import { describe, expect, it } from 'vitest';
import { agentView, callView, snapshot } from '../state/board-testing';
import { RestClient } from './rest-client';
import { SupervisorApi } from './supervisor-api';

function serving(reply: unknown, status = 200) {
  const seen: { url: string; method: string | undefined }[] = [];
  const api = new SupervisorApi(
    new RestClient(async (url, init) => {
      seen.push({ url, method: init?.method });
      return new Response(JSON.stringify(reply), { status });
    }),
  );
  return { api, seen };
}

describe('SupervisorApi', () => {
  it('reads the board snapshot', async () => {
    const board = snapshot({ calls: [callView('c1')], agents: [agentView('u1', 'Asha')] });
    const { api, seen } = serving(board);
    expect(await api.board()).toEqual({ ok: true, data: board });
    expect(seen).toEqual([{ url: '/api/supervisor/board', method: 'GET' }]);
  });

  it('ends a call and sets an agent Away by POST, escaping ids', async () => {
    const ended = callView('c/1', { state: 'ended', outcome: 'missed' });
    const { api, seen } = serving(ended);
    expect(await api.endCall('c/1')).toEqual({ ok: true, data: ended });
    const away = serving(agentView('u1', 'Asha', { status: 'away' }));
    expect((await away.api.setAway('u1')).ok).toBe(true);
    expect([...seen, ...away.seen]).toEqual([
      { url: '/api/supervisor/calls/c%2F1/end', method: 'POST' },
      { url: '/api/supervisor/agents/u1/away', method: 'POST' },
    ]);
  });

  it('passes the server’s refusal and refuses a reply of the wrong shape', async () => {
    const refused = serving({ error: { code: 'invalid_state', message: 'Bo is on a call.' } }, 409);
    expect(await refused.api.setAway('u2')).toEqual({
      ok: false,
      error: { status: 409, code: 'invalid_state', message: 'Bo is on a call.' },
    });
    const odd = serving({ calls: 'none' });
    expect(await odd.api.board()).toMatchObject({ ok: false, error: { code: 'bad_reply' } });
  });
});
