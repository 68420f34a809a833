// test-only helpers: fixtures and command builders; never imported by the index
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMetaWebhook, type RingStrategy } from '@ringside/contracts';
import type { CallCommand, CallEvent } from './commands';
import type { Effect } from './effects';
import type { NormalizedCallEvent, NormalizeResult } from './events';
import { isCallEvent } from './events';
import { normalizeWebhook } from './normalize';
import type { Call } from './state';
import { transition, type StateChange } from './transition';

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);

/** the call id of the WhatsApp fixtures (`whatsapp/connect-user-initiated.json` and its terminates) */
export const WA_CALL =
  'wacid.HBgMOTE4MDk3NTM0Njg0FQIAEhggMURENUU5MDg2asdfNjk3OEUzMDM5MzEyRTccGAw5MTkxNjk5NTk5NTkVAgAVAgA=';

/** epoch ms `seconds` after the WhatsApp fixtures' connect */
export const t = (seconds: number) => 1753115233000 + seconds * 1000;

/** A shared Meta fixture as raw JSON (a fresh copy each time, safe to mutate). */
export function loadJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(name, FIXTURES)), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Parses raw JSON with the contracts schema and normalizes it; fails the test on bad input. */
export function normalizeJson(json: unknown): NormalizeResult {
  const parsed = parseMetaWebhook(json);
  if (!parsed.ok) throw new Error(`fixture did not parse: ${parsed.error.summary}`);
  return normalizeWebhook(parsed.value);
}

/** The normalized result of one fixture file, e.g. `whatsapp/terminate-completed.json`. */
export function normalizeFixture(name: string): NormalizeResult {
  return normalizeJson(loadJson(name));
}

/** The single call event a fixture holds. */
export function fixtureEvent(name: string): NormalizedCallEvent {
  const events = normalizeFixture(name).events.filter(isCallEvent);
  const [event] = events;
  if (events.length !== 1 || event === undefined) {
    throw new Error(`${name} holds ${events.length} call events, expected 1`);
  }
  return event;
}

/** Builds the server's commands for one call at a given time. */
export function commands(callId: string) {
  const base = (occurredAt: number) => ({ callId, occurredAt });
  return {
    rang: (at: number, agentIds: string[], strategy: RingStrategy = 'all'): CallCommand => ({
      kind: 'ring.offered',
      ...base(at),
      agentIds,
      strategy,
    }),
    claim: (at: number, agentId: string): CallCommand => ({
      kind: 'agent.claim',
      ...base(at),
      agentId,
    }),
    answerSent: (at: number, agentId: string): CallCommand => ({
      kind: 'agent.answer-sent',
      ...base(at),
      agentId,
    }),
    accepted: (at: number): CallCommand => ({ kind: 'graph.accepted', ...base(at) }),
    decline: (at: number, agentId: string): CallCommand => ({
      kind: 'agent.decline',
      ...base(at),
      agentId,
    }),
    transfer: (at: number, agentId: string, toAgentId: string): CallCommand => ({
      kind: 'agent.transfer',
      ...base(at),
      agentId,
      toAgentId,
    }),
    hangup: (at: number, agentId: string): CallCommand => ({
      kind: 'agent.hangup',
      ...base(at),
      agentId,
    }),
    timeout: (at: number): CallCommand => ({ kind: 'ring.timeout', ...base(at) }),
    queue: (at: number): CallCommand => ({ kind: 'queue.answer', ...base(at) }),
    graphFailed: (at: number, code: number): CallCommand => ({
      kind: 'graph.failed',
      ...base(at),
      action: 'accept',
      code,
    }),
    expired: (at: number, state: 'claimed' | 'active', since: number): CallCommand => ({
      kind: 'call.expired',
      ...base(at),
      state,
      since,
    }),
  };
}

/** What a run of events did: the final call, every effect and every state change, in order. */
export interface Run {
  readonly call: Call | undefined;
  readonly effects: Effect[];
  readonly transitions: StateChange[];
}

/** Feeds events one by one into {@link transition}, starting from `initial`. */
export function run(events: readonly CallEvent[], initial?: Call): Run {
  let call = initial;
  const effects: Effect[] = [];
  const transitions: StateChange[] = [];
  for (const event of events) {
    const result = transition(call, event);
    call = result.call;
    effects.push(...result.effects);
    transitions.push(...result.transitions);
  }
  return { call, effects, transitions };
}

/** Effect types only, for compact expectations about what the server must do. */
export function effectTypes(effects: readonly Effect[]): string[] {
  return effects.map((effect) =>
    effect.type === 'log-ignored' ? `log-ignored:${effect.reason}` : effect.type,
  );
}
