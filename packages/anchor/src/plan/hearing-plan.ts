/** who takes part in a call's audio */
export type Role = 'customer' | 'agent' | 'supervisor';
/** a supervisor listens (silent), whispers (to the agents only) or barges in (to everyone) */
export type SupervisorMode = 'listen' | 'whisper' | 'barge';
/** queued: the customer waits with prompts or music; held: the agents put the customer on hold */
export type CallPhase = 'queued' | 'talking' | 'held';

export interface Party {
  id: string;
  role: Role;
  /** supervisors only; default 'listen' */
  mode?: SupervisorMode;
}

/** the call's own room, where the customer's one leg lives, and a side room for the rest */
export type RoomName = 'main' | 'side';

/** one leg: a party's PeerConnection joined to a room, muted or not */
export interface Membership {
  party: string;
  room: RoomName;
  muted: boolean;
}

export interface RoomPlan {
  memberships: Membership[];
  /** whether the hold music or queue prompts play in the main room */
  music: boolean;
}

/** "listener<-speaker": the listener hears the speaker; the speaker 'music' is the file playing */
export type Hearing = Set<string>;

/** the speaker id {@link hearingOf} uses for a file playing in a room */
export const MUSIC = 'music';

/**
 * The rooms and legs that give a call the hearing {@link intendedHearing} describes, on a mixer
 * where everyone in a room hears every unmuted voice in it but their own (Janus AudioBridge).
 * One room cannot leave one listener out, so a whisper, and a hold (where the customer hears
 * music and the agents may talk), use a side room; an agent in both has two legs. The customer
 * is only ever in the main room: Meta's call is one PeerConnection.
 *
 * @example
 * planRooms('talking', [
 *   { id: 'c', role: 'customer' },
 *   { id: 'a', role: 'agent' },
 *   { id: 's', role: 'supervisor', mode: 'whisper' },
 * ]);
 * // { music: false, memberships: [c main, a main, s main muted, a side muted, s side] }
 */
export function planRooms(phase: CallPhase, parties: readonly Party[]): RoomPlan {
  const customer = onlyCustomer(parties);
  const staff = parties.filter((party) => party.role !== 'customer');
  const main = (party: Party, muted: boolean): Membership => ({
    party: party.id,
    room: 'main',
    muted,
  });
  const side = (party: Party, muted: boolean): Membership => ({
    party: party.id,
    room: 'side',
    muted,
  });
  switch (phase) {
    case 'queued':
      return { music: true, memberships: [main(customer, false)] };
    case 'held':
      return {
        music: true,
        memberships: [
          main(customer, false),
          ...staff.map((party) => side(party, modeOf(party) === 'listen')),
        ],
      };
    case 'talking': {
      const whisperers = staff.filter((party) => modeOf(party) === 'whisper');
      const agents = staff.filter((party) => party.role === 'agent');
      const inMain = staff.map((party) => main(party, !speaksToAll(party)));
      const inSide =
        whisperers.length === 0
          ? []
          : [...agents.map((agent) => side(agent, true)), ...whisperers.map((s) => side(s, false))];
      return { music: false, memberships: [main(customer, false), ...inMain, ...inSide] };
    }
    default:
      return assertNever(phase);
  }
}

/**
 * Who hears whom in a plan: members of one room hear its unmuted members other than
 * themselves, and the main room's members hear the music when it plays.
 *
 * @example
 * hearingOf({ music: false, memberships: [{ party: 'c', room: 'main', muted: false },
 *   { party: 'a', room: 'main', muted: true }] }); // Set { 'a<-c' }
 */
export function hearingOf(plan: RoomPlan): Hearing {
  const heard: Hearing = new Set();
  for (const listener of plan.memberships) {
    for (const speaker of plan.memberships) {
      if (speaker.room !== listener.room || speaker.party === listener.party || speaker.muted) {
        continue;
      }
      heard.add(`${listener.party}<-${speaker.party}`);
    }
    if (plan.music && listener.room === 'main') heard.add(`${listener.party}<-${MUSIC}`);
  }
  return heard;
}

/**
 * What each party should hear, as the product describes it:
 * talking: the customer hears the agents and barging supervisors; agents hear everyone who
 * speaks (a whisper reaches the agents and the other whisperers only); a listening supervisor
 * is heard by nobody. Held: the customer hears the music only, the staff hear each other (a
 * listening supervisor still silent). Queued: the customer hears the prompts or music.
 *
 * @example
 * intendedHearing('queued', [{ id: 'c', role: 'customer' }]); // Set { 'c<-music' }
 */
export function intendedHearing(phase: CallPhase, parties: readonly Party[]): Hearing {
  const customer = onlyCustomer(parties);
  const staff = parties.filter((party) => party.role !== 'customer');
  const heard: Hearing = new Set();
  const hears = (listener: Party, speaker: Party | typeof MUSIC) => {
    const speakerId = speaker === MUSIC ? MUSIC : speaker.id;
    if (speakerId !== listener.id) heard.add(`${listener.id}<-${speakerId}`);
  };
  if (phase === 'queued' || phase === 'held') {
    hears(customer, MUSIC);
    if (phase === 'held') {
      for (const listener of staff) {
        for (const speaker of staff) if (modeOf(speaker) !== 'listen') hears(listener, speaker);
      }
    }
    return heard;
  }
  for (const listener of parties) {
    for (const speaker of parties) {
      if (speaker.role === 'customer' || speaksToAll(speaker)) {
        hears(listener, speaker);
      } else if (modeOf(speaker) === 'whisper') {
        if (listener.role === 'agent' || modeOf(listener) === 'whisper') hears(listener, speaker);
      }
    }
  }
  return heard;
}

function modeOf(party: Party): SupervisorMode | null {
  return party.role === 'supervisor' ? (party.mode ?? 'listen') : null;
}

// agents and barging supervisors speak in the main room
function speaksToAll(party: Party): boolean {
  return party.role === 'agent' || modeOf(party) === 'barge';
}

function onlyCustomer(parties: readonly Party[]): Party {
  const customers = parties.filter((party) => party.role === 'customer');
  const [customer] = customers;
  if (!customer || customers.length > 1) {
    throw new RangeError(`a call has exactly one customer, got ${customers.length}`);
  }
  return customer;
}

function assertNever(value: never): never {
  throw new Error(`unexpected call phase ${String(value)}`);
}
