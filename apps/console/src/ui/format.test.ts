import { describe, expect, it } from 'vitest';
import {
  callerAddress,
  callerName,
  calledLine,
  dialedParty,
  directionName,
  earlierCallsText,
  formatDuration,
} from './format';

describe('formatDuration', () => {
  it('shows m:ss, then h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('never shows a negative or broken time', () => {
    expect(formatDuration(-5000)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
  });
});

describe('caller words', () => {
  it('prefers the profile name, then the number, then "Messenger user"', () => {
    expect(callerName({ name: 'Rahul', number: '+918097530000' })).toBe('Rahul');
    expect(callerName({ name: '  ', number: '+918097530000' })).toBe('+918097530000');
    expect(callerName({ psid: '24519283746152' })).toBe('Messenger user');
  });

  it('shows a WhatsApp customer by number, @username or both, as Meta sent them', () => {
    const priya = { name: 'Priya', userId: 'IN.13491208655302741918', username: '@priya.k' };
    expect(callerName(priya)).toBe('Priya');
    expect(callerAddress(priya)).toBe('@priya.k');
    expect(callerAddress({ ...priya, number: '+918097530000' })).toBe('+918097530000 · @priya.k');
    expect(callerName({ userId: priya.userId, username: '@priya.k' })).toBe('@priya.k');
    expect(callerName({ userId: priya.userId })).toBe('WhatsApp user');
    expect(callerAddress({ userId: priya.userId })).toBe('WhatsApp ID …1918');
    expect(dialedParty({ userId: priya.userId })).toBe(priya.userId);
  });

  it('shows the number, or a short Messenger id', () => {
    expect(callerAddress({ number: '+918097530000' })).toBe('+918097530000');
    expect(callerAddress({ psid: '24519283746152' })).toBe('Messenger ID …6152');
  });

  it('says what was called: our number or our Page', () => {
    expect(calledLine('whatsapp', { channelId: 'c', label: '+91 91299 50000' })).toBe(
      'to +91 91299 50000',
    );
    expect(calledLine('messenger', { channelId: 'c', label: 'Acme Support' })).toBe(
      'to Page Acme Support',
    );
  });

  it('says where an outbound call comes from, and whom it calls in full', () => {
    expect(calledLine('messenger', { channelId: 'c', label: 'Acme Support' }, 'outbound')).toBe(
      'from Page Acme Support',
    );
    expect(dialedParty({ psid: '6124509938127745' })).toBe('6124509938127745');
    expect(dialedParty({ number: '+447700900123' })).toBe('+447700900123');
    expect(directionName('outbound')).toBe('Outbound');
  });

  it('counts earlier calls', () => {
    expect(earlierCallsText(0)).toBe('First call');
    expect(earlierCallsText(1)).toBe('1 earlier call');
    expect(earlierCallsText(3)).toBe('3 earlier calls');
  });
});
