import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../ops/metrics';
import { limitWebhooksInFlight } from './webhook-in-flight';

/** a response that records its status and can be closed as a finished answer or a hang-up would */
function fakeResponse() {
  const res = new EventEmitter() as EventEmitter & {
    status?: number;
    headers?: Record<string, unknown>;
    writeHead(status: number, headers: Record<string, unknown>): typeof res;
    end(body?: string): void;
  };
  res.writeHead = (status, headers) => {
    res.status = status;
    res.headers = headers;
    return res;
  };
  res.end = () => undefined;
  return res;
}

describe('limitWebhooksInFlight', () => {
  it('refuses past the cap and counts a delivery out when its sender goes away', () => {
    const taken: unknown[] = [];
    const post = limitWebhooksInFlight((_req, res) => void taken.push(res), {
      max: 1,
      metrics: createMetrics(),
    });
    const req = {} as IncomingMessage;
    const first = fakeResponse();
    post(req, first as unknown as ServerResponse);
    const second = fakeResponse();
    post(req, second as unknown as ServerResponse);
    expect(taken).toEqual([first]);
    expect(second.status).toBe(503);
    expect(second.headers?.['retry-after']).toBe('5');

    first.emit('close'); // the sender hung up mid-body
    const third = fakeResponse();
    post(req, third as unknown as ServerResponse);
    expect(taken).toEqual([first, third]);
    expect(third.status).toBeUndefined();
  });
});
