import { describe, expect, it } from 'vitest';
import { reportSearch } from './reports-api';

describe('reportSearch', () => {
  it('names the range, zone and bucket, and the channel only when one is chosen', () => {
    expect(
      reportSearch({ from: '2026-11-01', to: '2026-11-07', tz: 'Europe/London', bucket: 'day' }),
    ).toBe('from=2026-11-01&to=2026-11-07&tz=Europe%2FLondon&bucket=day');
    expect(
      reportSearch({
        from: '2026-11-01',
        to: '2026-11-01',
        tz: 'UTC',
        bucket: 'hour',
        channel: 'messenger',
      }),
    ).toBe('from=2026-11-01&to=2026-11-01&tz=UTC&bucket=hour&channel=messenger');
  });
});
