import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { callView } from '../../state/board-testing';
import { fedBoard } from './fed-board';
import { TodayCounters } from './TodayCounters';

// today's counters over a board fed by hand: nothing asks the server
function counters(...calls: ReturnType<typeof callView>[]) {
  const feed = fedBoard(...calls);
  return renderToString(
    <I18nProvider>
      <TodayCounters feed={feed} />
    </I18nProvider>,
  );
}

/** the figure under a counter's name */
const figure = (html: string, term: string) =>
  new RegExp(`<dt[^>]*>${term}</dt><dd[^>]*>([^<]*)</dd>`).exec(html)?.[1];

describe('today’s counters', () => {
  it('count the callers in a queue, and show since when the first of them waits', () => {
    const html = counters(
      callView('c1', { caller: { name: 'Rahul' } }),
      callView('c2', { startedAt: '2026-03-02T09:00:01.000Z', waiting: 'queued' }),
      callView('c3', { startedAt: '2026-03-02T08:59:00.000Z', waiting: 'queued' }),
      callView('c4', { startedAt: '2026-03-02T08:58:00.000Z', waiting: 'voicemail' }),
    );
    // all four ring; three wait for an agent, two of them in the queue (the caller leaving a
    // voicemail waits for nobody)
    expect(figure(html, 'Waiting now')).toBe('3');
    expect(figure(html, 'In queue')).toBe('2');
    expect(figure(html, 'Longest in queue')).toMatch(/\d/);
  });

  it('show no queue figures on a board nobody queues on', () => {
    const html = counters(callView('c1', { caller: { name: 'Rahul' } }));
    expect(html).not.toContain('In queue');
    expect(html).not.toContain('Longest in queue');
  });
});
