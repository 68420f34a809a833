import type { Call, RingingCall } from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import {
  ringingCall,
  seedWorkspace,
  storeCall,
  testRepos,
  type SeededWorkspace,
} from '../testing/test-seed';
import type { Repos } from './index';

const DAY = Date.parse('2025-07-01T00:00:00Z');
const at = (hours: number, seconds = 0) => DAY + hours * 3_600_000 + seconds * 1000;
const TODAY = new Date(DAY);

type Final = (
  base: Omit<
    RingingCall,
    'state' | 'sdpOffer' | 'agentsOffered' | 'agentsDeclined' | 'strategy' | 'offeredAt'
  >,
  offeredAt: number,
) => Call;

const answered =
  (agentId: string, waitSec: number, talkSec: number): Final =>
  (base, offeredAt) => ({
    ...base,
    state: 'ended',
    outcome: 'completed',
    agentId,
    answeredAt: offeredAt + waitSec * 1000,
    endedAt: offeredAt + (waitSec + talkSec) * 1000,
    durationSec: talkSec,
  });
const missed: Final = (base, offeredAt) => ({
  ...base,
  state: 'ended',
  outcome: 'missed',
  endedAt: offeredAt + 45_000,
});
const talking =
  (agentId: string): Final =>
  (base, offeredAt) => ({ ...base, state: 'active', agentId, answeredAt: offeredAt + 4_000 });

/** a call that rang at `offeredAt`, stored ringing first (which fixes its start) then as `final` */
async function call(
  repos: Repos,
  seeded: SeededWorkspace,
  offeredAt: number,
  final?: Final,
): Promise<string> {
  const ringing = ringingCall({ offeredAt });
  const id = await storeCall(repos, seeded, ringing);
  if (!final) return id;
  const {
    state: _s,
    sdpOffer: _o,
    agentsOffered: _a,
    agentsDeclined: _d,
    strategy: _t,
    offeredAt: _at,
    ...base
  } = ringing;
  await storeCall(repos, seeded, final(base, offeredAt));
  return id;
}

describe.each(ENGINES)('board figures on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('counts today’s calls with averages computed by the database', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const [asha, ben] = seeded.users;
    const ws = seeded.workspaceId;
    // yesterday's calls do not count
    await call(repos, seeded, at(-2), answered(asha!.id, 30, 600));
    await call(repos, seeded, at(9), answered(asha!.id, 4, 120));
    await call(repos, seeded, at(10), answered(ben!.id, 26, 60));
    await call(repos, seeded, at(11), missed);
    await call(repos, seeded, at(12));
    await call(repos, seeded, at(12, 30), talking(asha!.id));
    // queued by the media engine, still waiting for an agent; and one leaving a voicemail,
    // waiting for nobody
    await storeCall(
      repos,
      seeded,
      ringingCall({ offeredAt: at(13), waiting: 'queued', queuedAt: at(13) }),
    );
    await storeCall(
      repos,
      seeded,
      ringingCall({
        offeredAt: at(13, 5),
        waiting: 'voicemail',
        queuedAt: at(13, 5),
        voicemailAt: at(13, 125),
      }),
    );

    const counters = await repos.boardFigures.counters(ws, TODAY);
    expect(counters).toEqual({
      waiting: 2,
      answered: 2,
      missed: 1,
      averageAnswerMs: 15_000,
      answeredWithin20sShare: 0.5,
      averageCallMs: 90_000,
      // no after-call work recorded: handle time is the talk time
      averageHandleMs: 90_000,
    });
    const byAgent = await repos.boardFigures.answeredToday(ws, TODAY);
    // the call asha is on now was answered today too
    expect(Object.fromEntries(byAgent)).toEqual({ [asha!.id]: 2, [ben!.id]: 1 });
  });

  it('leaves calls to customers (outbound) out of the answering figures', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent']);
    const [asha] = seeded.users;
    const ws = seeded.workspaceId;
    await call(repos, seeded, at(9), answered(asha!.id, 4, 120));
    const customer = { id: '447700900123' };
    await storeCall(repos, seeded, {
      state: 'ended',
      id: `wacid.out-${Math.random()}`,
      channel: 'whatsapp',
      direction: 'outbound',
      endpointId: '115017831530658',
      caller: { id: '919129950000' },
      called: customer,
      mediaVersion: 0,
      appliedKeys: [],
      outcome: 'completed',
      agentId: asha!.id,
      answeredAt: at(10, 50),
      endedAt: at(10, 60 + 50),
      durationSec: 60,
    });

    const counters = await repos.boardFigures.counters(ws, TODAY);
    expect(counters).toMatchObject({ answered: 1, averageAnswerMs: 4_000, averageCallMs: 120_000 });
    expect(Object.fromEntries(await repos.boardFigures.answeredToday(ws, TODAY))).toEqual({
      [asha!.id]: 1,
    });
  });

  it('gives null averages and zero counts to a quiet day, and nothing for a bad id', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent']);
    await call(repos, seeded, at(8), missed);
    expect(await repos.boardFigures.counters(seeded.workspaceId, TODAY)).toEqual({
      waiting: 0,
      answered: 0,
      missed: 1,
      averageAnswerMs: null,
      answeredWithin20sShare: null,
      averageCallMs: null,
      averageHandleMs: null,
    });
    expect((await repos.boardFigures.counters('not-a-uuid', TODAY)).answered).toBe(0);
    expect((await repos.boardFigures.answeredToday('not-a-uuid', TODAY)).size).toBe(0);
  });

  it('reads one agent as the board shows them, and no one of another workspace', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const other = await seedWorkspace(repos, ['agent'], 'Globex');
    const [asha, ben] = seeded.users;
    const ws = seeded.workspaceId;
    await repos.presence.setPresence(asha!.id, ws, 'busy', new Date(at(12, 30)));
    await repos.presence.setPresence(ben!.id, ws, 'available', new Date(at(8)));
    await call(repos, seeded, at(9), answered(asha!.id, 4, 120));
    const current = await call(repos, seeded, at(12, 30), talking(asha!.id));

    expect(await repos.boardFigures.agentView(ws, asha!.id, TODAY)).toEqual({
      userId: asha!.id,
      name: 'agent 0',
      status: 'busy',
      since: new Date(at(12, 30)).toISOString(),
      currentCallId: current,
      answeredToday: 2,
    });
    expect(await repos.boardFigures.agentView(ws, ben!.id, TODAY)).toEqual({
      userId: ben!.id,
      name: 'agent 1',
      status: 'available',
      since: new Date(at(8)).toISOString(),
      answeredToday: 0,
    });
    expect(await repos.boardFigures.agentView(other.workspaceId, asha!.id, TODAY)).toBeUndefined();
    expect(await repos.boardFigures.agentView(ws, 'nope', TODAY)).toBeUndefined();
  });
});
