import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';

const URL_ = 'http://127.0.0.1:3000/webhooks/meta';

describe('parseCliArgs', () => {
  it('reads serve with its defaults', () => {
    expect(parseCliArgs(['serve', '--graph-port', '4010', '--app-secret', 's3cret'])).toEqual({
      ok: true,
      value: expect.objectContaining({
        command: 'serve',
        graphPort: 4010,
        host: '127.0.0.1',
        appSecret: 's3cret',
        webhookUrl: null,
      }),
    });
  });

  it('reads call with every option', () => {
    const parsed = parseCliArgs([
      'call',
      '--channel',
      'whatsapp',
      '--webhook-url',
      URL_,
      '--graph-port',
      '0',
      '--name',
      'Rahul',
      '--from',
      '+918097530000',
      '--echo',
      '--source',
      'speech',
      '--hangup-after',
      '1.5',
      '--ring-timeout',
      '30',
      '--link',
      'https://wa.me/call/15550100100?biz_payload=spring',
      '--cta-payload',
      'order-4471',
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({
        command: 'call',
        channel: 'whatsapp',
        webhookUrl: URL_,
        graphPort: 0,
        name: 'Rahul',
        from: '918097530000',
        echo: true,
        source: 'speech',
        hangupAfterS: 1.5,
        ringTimeoutS: 30,
        link: 'https://wa.me/call/15550100100?biz_payload=spring',
        ctaPayload: 'order-4471',
      }),
    });
  });

  it('treats no command as help', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, value: { command: 'help' } });
  });

  it.each([
    [['dance'], /unknown command "dance"/],
    [['call', '--webhook-url', URL_], /--channel must be whatsapp or messenger, got nothing/],
    [['call', '--channel', 'sms', '--webhook-url', URL_], /got "sms"/],
    [['call', '--channel', 'whatsapp'], /--webhook-url is required/],
    [['call', '--channel', 'whatsapp', '--webhook-url', 'nope'], /not a URL/],
    [['serve', '--graph-port', '70000'], /--graph-port must be 0..65535/],
    [['serve', '--graph-port', 'abc'], /--graph-port/],
    [['serve', '--graph-port'], /argument missing|needs a value/],
    [['serve', '--bogus', '1'], /Unknown option '--bogus'/],
    [['serve', 'extra'], /positional/],
    [['serve', '--graph-version', '24'], /v24\.0/],
    [
      ['call', '--channel', 'whatsapp', '--webhook-url', URL_, '--from', 'abc'],
      /--from must be a number/,
    ],
    [
      ['call', '--channel', 'whatsapp', '--webhook-url', URL_, '--hangup-after', '0'],
      /positive number of seconds/,
    ],
  ])('refuses %j with a message', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
