import { callsPageReplySchema, type CallSummary } from '@ringside/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { storePastCall } from '../testing/seed-calls';
import { useStack, type TestWorkspace } from '../testing/test-stack';
import { CSV_COLUMNS } from './calls-csv';

const stack = useStack();
const T0 = Date.parse('2026-06-01T09:00:00Z');

let ws: TestWorkspace;
let cookie = '';

// more calls than one page of the list holds, so the export has to page through them
beforeAll(async () => {
  ws = await stack().workspace();
  const agent = await ws.addUser('agent', 'Asha');
  cookie = await stack().signIn((await ws.addUser('supervisor')).email);
  const app = stack().app;
  await storePastCall(app, ws, {
    at: T0,
    name: '=HYPERLINK("http://x","y"), "Raj"',
    agentId: agent.id,
    talkedSec: 42,
  });
  for (let i = 1; i <= 204; i++) {
    await storePastCall(app, ws, {
      at: T0 + i * 60_000,
      channel: i % 3 === 0 ? 'messenger' : 'whatsapp',
      from:
        i % 3 === 0
          ? `52758117024${String(i).padStart(5, '0')}`
          : `9180975${String(i).padStart(5, '0')}`,
      ...(i % 2 === 0 ? { agentId: agent.id, talkedSec: i } : {}),
    });
  }
});

async function everyListed(query: string): Promise<CallSummary[]> {
  const items: CallSummary[] = [];
  let cursor = '';
  do {
    const res = await stack().request(cookie, `/api/calls?limit=200&${query}${cursor}`);
    const page = callsPageReplySchema.parse(await res.json());
    items.push(...page.items);
    cursor = page.nextCursor ? `&cursor=${encodeURIComponent(page.nextCursor)}` : '';
  } while (cursor);
  return items;
}

async function exported(query: string): Promise<{ res: Response; rows: Record<string, string>[] }> {
  const res = await stack().request(cookie, `/api/calls/export.csv?${query}`);
  const [header, ...lines] = parseCsv(await res.text());
  expect(header).toEqual([...CSV_COLUMNS]);
  const rows = lines.map((line) =>
    Object.fromEntries(header!.map((name, i) => [name, line[i] ?? ''])),
  );
  return { res, rows };
}

describe('GET /api/calls/export.csv', () => {
  it('is a CSV download with one row per call, the same calls in the same order as the list', async () => {
    const { res, rows } = await exported('');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="ringside-calls-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const listed = await everyListed('');
    expect(listed).toHaveLength(205);
    expect(rows.map((r) => r['id'])).toEqual(listed.map((c) => c.id));
    for (const [i, call] of listed.entries()) {
      expect(rows[i]).toMatchObject({
        started_at: call.startedAt,
        channel: call.channel,
        outcome: call.outcome ?? '',
        caller_number: call.caller.number ?? '',
        caller_psid: call.caller.psid ?? '',
        agent: call.agent?.name ?? '',
        duration_sec: call.durationSec === undefined ? '' : String(call.durationSec),
      });
    }
  });

  it('applies the list’s filters and ignores paging', async () => {
    for (const query of [
      'channel=messenger',
      'outcome=missed&channel=whatsapp',
      'q=91809750001',
      'from=2026-06-01T10:00:00Z&to=2026-06-01T11:00:00Z',
    ]) {
      const { rows } = await exported(`${query}&limit=5`);
      const listed = await everyListed(query);
      expect(rows.map((r) => r['id'])).toEqual(listed.map((c) => c.id));
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('keeps a hostile caller name as text, quotes and commas intact', async () => {
    const { rows } = await exported('q=HYPERLINK');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.['caller_name']).toBe('\'=HYPERLINK("http://x","y"), "Raj"');
    expect(rows[0]?.['duration_sec']).toBe('42');
  });

  it('a filter that matches nothing gives just the header', async () => {
    const res = await stack().request(cookie, '/api/calls/export.csv?q=nobody-called');
    expect(parseCsv(await res.text())).toEqual([[...CSV_COLUMNS]]);
  });

  it('refuses bad filters with a JSON 400 before any CSV is sent', async () => {
    const res = await stack().request(cookie, '/api/calls/export.csv?outcome=great');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
