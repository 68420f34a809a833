import { describe, expect, it } from 'vitest';
import { choiceValue, queueOption, transferChoices, underWayWords } from './transfer-words';

const BO = { userId: 'u_bo', name: 'Bo Agent' };
const SALES = { channelId: 'ch_sales', name: 'Sales' };
const SUPPORT = { channelId: 'ch_support', name: 'Support' };

describe('transfer words', () => {
  it('offers the colleagues, then only the queues someone can answer now', () => {
    expect(
      transferChoices(
        [BO],
        [
          { ...SALES, available: 2 },
          { ...SUPPORT, available: 0 },
        ],
      ),
    ).toEqual([
      { kind: 'agent', agent: BO },
      { kind: 'queue', queue: SALES },
    ]);
    // nobody: no colleague and no queue with anyone available
    expect(transferChoices([], [{ ...SUPPORT, available: 0 }])).toEqual([]);
    expect(transferChoices([], [{ ...SALES, available: 1 }])).toEqual([
      { kind: 'queue', queue: SALES },
    ]);
  });

  it('keeps a colleague and a line apart in the select, even with the same id', () => {
    const agent = choiceValue({ kind: 'agent', agent: { userId: 'x1', name: 'Bo' } });
    const queue = choiceValue({ kind: 'queue', queue: { channelId: 'x1', name: 'Sales' } });
    expect(agent).not.toBe(queue);
  });

  it('lists a queue with how many can take the call', () => {
    expect(queueOption({ ...SALES, available: 2 })).toBe('Sales queue (2 available)');
    expect(queueOption({ ...SALES, available: 0 })).toBe('Sales queue (0 available)');
  });

  it('says where the transfer stands: the queue while it rings, then who took it', () => {
    const base = { callId: 'c1', mode: 'warm' as const };
    expect(underWayWords({ ...base, queue: SALES, step: 'ringing' })).toBe(
      'Transferring to the Sales queue… the customer hears hold music',
    );
    expect(underWayWords({ ...base, to: BO, queue: SALES, step: 'consulting' })).toBe(
      'Talking with Bo Agent; the customer is on hold',
    );
    expect(underWayWords({ ...base, to: BO, step: 'ringing' })).toBe(
      'Transferring to Bo Agent… the customer hears hold music',
    );
  });
});
