import { describe, expect, it } from 'vitest';
import { createCallLanes } from './call-lanes';

/** items named `<call>:<n>` */
const lanesOf = () => createCallLanes<string>((item) => item.split(':')[0] ?? '');

/** takes everything free to go now, in order */
function takeAll(lanes: ReturnType<typeof lanesOf>): string[] {
  const taken: string[] = [];
  for (let next = lanes.take(); next; next = lanes.take()) taken.push(next.item);
  return taken;
}

describe('call lanes', () => {
  it('lets one item of a call out at a time, other calls going meanwhile, in arrival order', () => {
    const lanes = lanesOf();
    lanes.add(['a:1', 'b:1', 'a:2', 'c:1', 'b:2'], 'back');
    expect(takeAll(lanes)).toEqual(['a:1', 'b:1', 'c:1']);
    expect(lanes.hasReady()).toBe(false);
    // both free again: a:2 arrived before b:2, so it goes first whichever call finished first
    lanes.done('b');
    lanes.done('a');
    expect(takeAll(lanes)).toEqual(['a:2', 'b:2']);
    lanes.done('c');
    lanes.done('a');
    lanes.done('b');
    expect(lanes.take()).toBeUndefined();
  });

  it('puts what goes in front ahead of everything queued, each call keeping its order', () => {
    const lanes = lanesOf();
    lanes.add(['a:3', 'b:2'], 'back');
    lanes.add(['a:1', 'c:1', 'a:2', 'b:1'], 'front');
    const order: string[] = [];
    for (let next = lanes.take(); next; next = lanes.take()) {
      order.push(next.item);
      lanes.done(next.key);
    }
    expect(order).toEqual(['a:1', 'c:1', 'a:2', 'b:1', 'a:3', 'b:2']);
  });

  it('a call out keeps items added behind it until it is done', () => {
    const lanes = lanesOf();
    lanes.add(['a:1'], 'back');
    const first = lanes.take();
    lanes.add(['a:2', 'b:1'], 'back');
    expect(takeAll(lanes)).toEqual(['b:1']);
    lanes.done(first?.key ?? '');
    expect(lanes.take()?.item).toBe('a:2');
  });
});
