import { callReportSchema } from '@ringside/contracts/reports';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { storePastCall } from '../testing/seed-calls';
import { useStack, type TestWorkspace } from '../testing/test-stack';
import { REPORT_CSV_COLUMNS } from './report-csv';

const stack = useStack();
const T0 = Date.parse('2026-06-01T09:00:00Z');
const QUERY = 'from=2026-06-01&to=2026-06-01&tz=Europe/London';

let ws: TestWorkspace;
let supervisor = '';
let admin = '';
let agent = '';
let otherSupervisor = '';

beforeAll(async () => {
  ws = await stack().workspace();
  const other = await stack().workspace('Other');
  const asha = await ws.addUser('agent', 'Asha');
  supervisor = await stack().signIn((await ws.addUser('supervisor')).email);
  admin = await stack().signIn((await ws.addUser('admin')).email);
  agent = await stack().signIn(asha.email);
  otherSupervisor = await stack().signIn((await other.addUser('supervisor')).email);
  const app = stack().app;
  // 10:00 and 11:00 in London (BST): answered 5 s after ringing, and a caller who gave up
  await storePastCall(app, ws, { at: T0, agentId: asha.id, talkedSec: 90 });
  await storePastCall(app, ws, { at: T0 + 3_600_000, channel: 'messenger' });
  await storePastCall(app, other, { at: T0, talkedSec: 30 });
});

async function report(cookie: string, query: string) {
  const res = await stack().request(cookie, `/api/supervisor/reports?${query}`);
  return { res, body: (await res.json()) as unknown };
}

describe('GET /api/supervisor/reports', () => {
  it('gives a supervisor the workspace’s figures by the hour in the zone asked for', async () => {
    const { res, body } = await report(supervisor, `${QUERY}&bucket=hour`);
    expect(res.status).toBe(200);
    const parsed = callReportSchema.parse(body);
    expect(parsed.rows).toHaveLength(24);
    expect(parsed.rows[0]).toMatchObject({
      start: '2026-05-31T23:00:00.000Z',
      utcOffset: '+01:00',
    });
    expect(parsed.rows[10]).toMatchObject({ label: '2026-06-01 10:00', offered: 1, answered: 1 });
    expect(parsed.rows[11]).toMatchObject({ label: '2026-06-01 11:00', offered: 1, abandoned: 1 });
    // the other workspace's call at the same moment is not there
    expect(parsed.total).toMatchObject({
      offered: 2,
      answered: 1,
      answeredInTarget: 1,
      abandoned: 1,
      serviceLevel: 0.5,
      abandonRate: 0.5,
      averageSpeedOfAnswerSec: 5,
      averageHandleSec: 90,
    });
  });

  it('serves admins, filters by channel, and shows another workspace only its own calls', async () => {
    const byDay = callReportSchema.parse((await report(admin, `${QUERY}&channel=messenger`)).body);
    expect(byDay.bucket).toBe('day');
    expect(byDay.total).toMatchObject({ offered: 1, answered: 0, abandoned: 1 });
    const theirs = callReportSchema.parse((await report(otherSupervisor, QUERY)).body);
    expect(theirs.total).toMatchObject({ offered: 1, answered: 1 });
  });

  it('refuses agents (403) and strangers (401)', async () => {
    expect((await report(agent, QUERY)).res.status).toBe(403);
    expect((await stack().request(agent, `/api/supervisor/reports.csv?${QUERY}`)).status).toBe(403);
    expect((await fetch(`${stack().url}/api/supervisor/reports?${QUERY}`)).status).toBe(401);
  });

  it('answers 400 naming the problem for a bad zone, range or bucket', async () => {
    const bad = async (query: string) => {
      const { res, body } = await report(supervisor, query);
      expect(res.status).toBe(400);
      return JSON.stringify(body);
    };
    expect(await bad('from=2026-06-01&to=2026-06-01&tz=Mars/Olympus')).toContain('tz');
    expect(await bad('from=2026-06-02&to=2026-06-01&tz=UTC')).toContain('must not be after');
    expect(await bad('from=2026-06-01&to=2026-06-08&tz=UTC&bucket=hour')).toContain(
      'at most 7 days',
    );
    expect(await bad('from=2026-01-01&to=2026-04-03&tz=UTC')).toContain('92');
    expect(await bad('from=2026-06-01&to=2026-06-01&tz=UTC&bucket=week')).toContain('bucket');
    expect(await bad('from=June&to=2026-06-01&tz=UTC')).toContain('from');
    // the longest ranges allowed are served
    expect(
      (await report(supervisor, 'from=2026-06-01&to=2026-06-07&tz=UTC&bucket=hour')).res.status,
    ).toBe(200);
    expect((await report(supervisor, 'from=2026-01-01&to=2026-04-02&tz=UTC')).res.status).toBe(200);
  });
});

describe('GET /api/supervisor/reports.csv', () => {
  it('has the same rows as the report, as an attachment', async () => {
    const json = callReportSchema.parse((await report(supervisor, `${QUERY}&bucket=hour`)).body);
    const res = await stack().request(
      supervisor,
      `/api/supervisor/reports.csv?${QUERY}&bucket=hour`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="ringside-report-hour-2026-06-01-to-2026-06-01.csv"',
    );
    const [header, ...lines] = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(header).toEqual([...REPORT_CSV_COLUMNS]);
    expect(lines).toHaveLength(json.rows.length);
    expect(lines[10]?.slice(0, 5)).toEqual([
      '2026-06-01 10:00',
      '2026-06-01T10:00:00+01:00',
      '2026-06-01T09:00:00.000Z',
      '2026-06-01T10:00:00.000Z',
      '1',
    ]);
    expect(lines.map((line) => Number(line[4]))).toEqual(json.rows.map((r) => r.offered));
  });
});
