import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hearingOf, intendedHearing, planRooms, type CallPhase, type Party } from './hearing-plan';

const phases: CallPhase[] = ['queued', 'talking', 'held'];

const staffParty = fc.oneof(
  fc.constant<Omit<Party, 'id'>>({ role: 'agent' }),
  fc
    .constantFrom('listen', 'whisper', 'barge')
    .map((mode): Omit<Party, 'id'> => ({ role: 'supervisor', mode })),
);

const call = fc.record({
  phase: fc.constantFrom(...phases),
  staff: fc.array(staffParty, { maxLength: 5 }),
});

function partiesOf(staff: Omit<Party, 'id'>[]): Party[] {
  return [
    { id: 'customer', role: 'customer' },
    ...staff.map((party, i) => ({ ...party, id: `p${i}` })),
  ];
}

describe('planRooms', () => {
  it('gives every call exactly the hearing the product describes', () => {
    fc.assert(
      fc.property(call, ({ phase, staff }) => {
        const parties = partiesOf(staff);
        expect([...hearingOf(planRooms(phase, parties))].sort()).toEqual(
          [...intendedHearing(phase, parties)].sort(),
        );
      }),
    );
  });

  it("keeps the customer to one leg in the main room (Meta's call is one PeerConnection)", () => {
    fc.assert(
      fc.property(call, ({ phase, staff }) => {
        const legs = planRooms(phase, partiesOf(staff)).memberships.filter(
          (leg) => leg.party === 'customer',
        );
        expect(legs).toEqual([{ party: 'customer', room: 'main', muted: false }]);
      }),
    );
  });

  it('gives an agent a second leg only while someone whispers', () => {
    const parties: Party[] = [
      { id: 'c', role: 'customer' },
      { id: 'a', role: 'agent' },
      { id: 's', role: 'supervisor', mode: 'listen' },
    ];
    const legsOfAgent = (plan: ReturnType<typeof planRooms>) =>
      plan.memberships.filter((leg) => leg.party === 'a').map((leg) => leg.room);
    expect(legsOfAgent(planRooms('talking', parties))).toEqual(['main']);
    const whisper = parties.map((p) => (p.id === 's' ? { ...p, mode: 'whisper' as const } : p));
    expect(legsOfAgent(planRooms('talking', whisper))).toEqual(['main', 'side']);
    // the customer does not hear the whisper, the agent does
    const heard = hearingOf(planRooms('talking', whisper));
    expect(heard.has('a<-s')).toBe(true);
    expect(heard.has('c<-s')).toBe(false);
    expect(heard.has('s<-c')).toBe(true);
  });

  it('refuses a call without exactly one customer', () => {
    expect(() => planRooms('talking', [{ id: 'a', role: 'agent' }])).toThrow(/one customer/);
  });
});
