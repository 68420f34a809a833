import type { CallSummary } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { CSV_COLUMNS, csvField, csvHeader, csvLine } from './calls-csv';

const call: CallSummary = {
  id: '5b7f0c1e-0000-4000-8000-000000000001',
  channel: 'whatsapp',
  direction: 'inbound',
  state: 'ended',
  outcome: 'failed',
  caller: { name: 'Rahul', number: '+918097530000' },
  called: { channelId: 'ch_1', label: '+91 91299 50000' },
  agent: { userId: 'u_1', name: 'Asha' },
  startedAt: '2026-07-01T10:00:00.000Z',
  answeredAt: '2026-07-01T10:00:05.000Z',
  endedAt: '2026-07-01T10:03:05.000Z',
  durationSec: 180,
  disposition: 'resolved',
  metaError: { code: 138021, meaning: 'No audio reached Meta, so the call was dropped.' },
};

describe('csvField', () => {
  it('leaves plain text, numbers and empty values as they are', () => {
    expect(csvField('Rahul')).toBe('Rahul');
    expect(csvField(180)).toBe('180');
    expect(csvField(undefined)).toBe('');
    expect(csvField('+918097530000')).toBe('+918097530000');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('+91 91299 50000')).toBe('+91 91299 50000');
    expect(csvField('+1 (555) 010-0100')).toBe('+1 (555) 010-0100');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Sharma, Rahul')).toBe('"Sharma, Rahul"');
    expect(csvField('the "boss"')).toBe('"the ""boss"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","click")')).toBe(
      '"\'=HYPERLINK(""http://evil"",""click"")"',
    );
    expect(csvField('+1+cmd')).toBe("'+1+cmd");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
  });
});

describe('csvHeader and csvLine', () => {
  it('starts with a byte-order mark and names every column once', () => {
    expect(csvHeader().startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csvHeader())).toEqual([[...CSV_COLUMNS]]);
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
  });

  it('writes one call as one line a CSV reader gets back field for field', () => {
    const tricky = {
      ...call,
      metaCallId: 'wacid.HBgLMTIz',
      caller: {
        name: 'Sharma, "Raj"\nJr',
        number: '+918097530000',
        userId: 'IN.13491208655302741918',
        username: '@raj',
      },
      // a link's tag is whatever the URL someone shared said: defused like a name
      source: { linkTag: '=cmd', linkLabel: 'Spring flyer', ctaPayload: 'order-4471' },
    };
    const [fields] = parseCsv(csvLine(tricky));
    const row = Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, fields?.[i]]));
    expect(row).toEqual({
      id: call.id,
      started_at: '2026-07-01T10:00:00.000Z',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'ended',
      outcome: 'failed',
      caller_name: 'Sharma, "Raj"\nJr',
      caller_number: '+918097530000',
      caller_psid: '',
      caller_user_id: 'IN.13491208655302741918',
      // '@' starts a formula in some spreadsheets: defused like any other
      caller_username: "'@raj",
      called: '+91 91299 50000',
      agent: 'Asha',
      answered_at: '2026-07-01T10:00:05.000Z',
      ended_at: '2026-07-01T10:03:05.000Z',
      duration_sec: '180',
      disposition: 'resolved',
      meta_error_code: '138021',
      meta_error: 'No audio reached Meta, so the call was dropped.',
      meta_call_id: 'wacid.HBgLMTIz',
      campaign: 'Spring flyer',
      link_tag: "'=cmd",
      cta_payload: 'order-4471',
    });
    expect(csvLine(call).endsWith('\r\n')).toBe(true);
  });

  it('leaves a missed Messenger call’s empty columns empty', () => {
    const missed: CallSummary = {
      id: 'c1',
      channel: 'messenger',
      direction: 'inbound',
      state: 'ended',
      outcome: 'missed',
      caller: { psid: '5275811702471834' },
      called: { channelId: 'ch_2', label: 'Ringside Demo' },
      startedAt: '2026-07-01T10:00:00.000Z',
    };
    const [fields] = parseCsv(csvLine(missed));
    expect(fields).toHaveLength(CSV_COLUMNS.length);
    expect(fields?.[CSV_COLUMNS.indexOf('caller_psid')]).toBe('5275811702471834');
    expect(fields?.[CSV_COLUMNS.indexOf('agent')]).toBe('');
  });
});
