import { Fragment, type ReactNode } from 'react';
import { t, type MessageKey, type MessageValues } from './i18n';

/**
 * A message with elements in it (a `<kbd>`, a live timer, a link): each element value stands
 * where its `{placeholder}` stands in the current language's word order.
 *
 * @example
 * richT('agent.wrapUpCountdown', { time: <span className="tabular-nums">0:42</span> });
 */
export function richT(
  key: MessageKey,
  values: Record<string, ReactNode | string | number>,
): ReactNode {
  const plain: MessageValues = {};
  const nodes = new Map<string, ReactNode>();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') plain[name] = value;
    else {
      // a marker the message cannot contain, split out again below
      plain[name] = `\u0000${name}\u0000`;
      nodes.set(name, value);
    }
  }
  const parts = t(key, plain).split('\u0000');
  return parts.map((part, index) =>
    index % 2 === 1 && nodes.has(part) ? <Fragment key={index}>{nodes.get(part)}</Fragment> : part,
  );
}
