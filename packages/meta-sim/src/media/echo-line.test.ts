import { describe, expect, it } from 'vitest';
import { EchoLine } from './echo-line';

const packet = (n: number) => Buffer.from([n]);

describe('EchoLine', () => {
  it('gives a packet back only once it is delayMs old', () => {
    const echo = new EchoLine(300);
    echo.push(packet(1), 1000);
    expect(echo.take(1000)).toBeNull();
    expect(echo.take(1299)).toBeNull();
    expect(echo.take(1300)).toEqual(packet(1));
    expect(echo.take(5000)).toBeNull();
  });

  it('gives back one packet per take, in arrival order, even when they arrived bunched', () => {
    const echo = new EchoLine(100);
    echo.push(packet(1), 0);
    echo.push(packet(2), 1);
    echo.push(packet(3), 2);
    expect([echo.take(500), echo.take(500), echo.take(500), echo.take(500)]).toEqual([
      packet(1),
      packet(2),
      packet(3),
      null,
    ]);
  });

  it('with no delay, echoes at once', () => {
    const echo = new EchoLine(0);
    echo.push(packet(9), 42);
    expect(echo.take(42)).toEqual(packet(9));
  });

  it('holds at most 10 s of packets, dropping the oldest', () => {
    const echo = new EchoLine(0);
    for (let i = 0; i < 600; i++) echo.push(packet(i % 256), i);
    expect(echo.take(10_000)).toEqual(packet(100 % 256));
  });

  it('forgets everything on clear', () => {
    const echo = new EchoLine(0);
    echo.push(packet(1), 0);
    echo.clear();
    expect(echo.take(100)).toBeNull();
  });

  it('rejects a negative or non-finite delay', () => {
    expect(() => new EchoLine(-1)).toThrow(RangeError);
    expect(() => new EchoLine(Number.NaN)).toThrow(RangeError);
  });
});
