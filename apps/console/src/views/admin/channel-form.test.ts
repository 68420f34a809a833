import { describe, expect, it } from 'vitest';
import { numberChannel, pageChannel, TOKEN } from './admin-testing';
import {
  CHANNEL_WORDS,
  channelDraft,
  createChannelBody,
  newChannelDraft,
  updateChannelBody,
} from './channel-form';

describe('createChannelBody', () => {
  it('builds a Page with who answers it and the ring settings shown', () => {
    const checked = createChannelBody({
      ...newChannelDraft('messenger'),
      pageId: ' 106378625516309 ',
      name: ' Acme Support ',
      accessToken: TOKEN,
      assignedUserIds: ['u_bo'],
    });
    expect(checked).toEqual({
      ok: true,
      body: {
        channel: 'messenger',
        pageId: '106378625516309',
        name: 'Acme Support',
        accessToken: TOKEN,
        assignedUserIds: ['u_bo'],
        ringStrategy: 'all',
        ringTimeoutSec: 45,
        whenNobodyAvailable: 'keep-ringing',
        wrapUp: 'off',
      },
    });
  });

  it('asks for after-call work’s length only when it is timed, and checks it', () => {
    const draft = { ...newChannelDraft('messenger'), pageId: '106378625516309', name: 'Acme' };
    const timed = createChannelBody({
      ...draft,
      accessToken: TOKEN,
      wrapUp: 'timed',
      wrapUpSec: '45',
    });
    expect(timed.ok && timed.body).toMatchObject({ wrapUp: 'timed', wrapUpSec: 45 });
    const tooLong = createChannelBody({
      ...draft,
      accessToken: TOKEN,
      wrapUp: 'timed',
      wrapUpSec: '900',
    });
    expect(tooLong).toMatchObject({
      ok: false,
      problems: { wrapUpSec: CHANNEL_WORDS['wrapUpSec'] },
    });
    const untilSave = createChannelBody({
      ...draft,
      accessToken: TOKEN,
      wrapUp: 'until-save',
      wrapUpSec: 'x',
    });
    expect(untilSave.ok && untilSave.body).toMatchObject({ wrapUp: 'until-save' });
    expect(untilSave.ok && 'wrapUpSec' in untilSave.body).toBe(false);
    const edited = updateChannelBody(pageChannel(), {
      ...channelDraft(pageChannel()),
      wrapUp: 'until-save',
    });
    expect(edited).toEqual({ ok: true, body: { wrapUp: 'until-save' } });
  });

  it('builds a WhatsApp number, writing the display number in E.164', () => {
    const checked = createChannelBody({
      ...newChannelDraft('whatsapp'),
      phoneNumberId: '115017831530658',
      wabaId: '114255454940862',
      displayNumber: '+91 91299-50000',
      accessToken: TOKEN,
      ringStrategy: 'longest-idle',
      agentTimeoutSec: '20',
    });
    expect(checked.ok && checked.body).toMatchObject({
      channel: 'whatsapp',
      displayNumber: '+919129950000',
      ringStrategy: 'longest-idle',
      agentTimeoutSec: 20,
    });
    // a name is optional for a number
    expect(checked.ok && 'label' in checked.body).toBe(false);
  });

  it('says what to fix, field by field, in words an admin can act on', () => {
    const checked = createChannelBody({
      ...newChannelDraft('messenger'),
      pageId: 'acme-page',
      name: '',
      accessToken: 'short',
      ringTimeoutSec: '5',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual({
      pageId: CHANNEL_WORDS['pageId'],
      name: CHANNEL_WORDS['name'],
      accessToken: CHANNEL_WORDS['accessToken'],
      ringTimeoutSec: CHANNEL_WORDS['ringTimeoutSec'],
    });
  });

  it('refuses a timeout that is not a whole number instead of rounding it', () => {
    const checked = createChannelBody({
      ...newChannelDraft('messenger'),
      pageId: '106378625516309',
      name: 'Acme',
      accessToken: TOKEN,
      ringTimeoutSec: '30.5',
    });
    expect(checked.ok ? undefined : checked.problems['ringTimeoutSec']).toBe(
      CHANNEL_WORDS['ringTimeoutSec'],
    );
  });
});

describe('updateChannelBody', () => {
  it('sends only what changed, and a token only when one was typed', () => {
    const view = pageChannel({ assignedUserIds: ['u1', 'u2'] });
    const draft = { ...channelDraft(view), ringTimeoutSec: '30', assignedUserIds: ['u2', 'u1'] };
    expect(updateChannelBody(view, draft)).toEqual({ ok: true, body: { ringTimeoutSec: 30 } });
    expect(updateChannelBody(view, { ...channelDraft(view), accessToken: TOKEN })).toEqual({
      ok: true,
      body: { accessToken: TOKEN },
    });
  });

  it('renames, re-assigns and changes how a number rings', () => {
    const view = numberChannel();
    const checked = updateChannelBody(view, {
      ...channelDraft(view),
      name: 'Support line',
      displayNumber: '+91 91299 50001',
      assignedUserIds: ['u_bo'],
      whenNobodyAvailable: 'reject',
    });
    expect(checked).toEqual({
      ok: true,
      body: {
        label: 'Support line',
        displayNumber: '+919129950001',
        assignedUserIds: ['u_bo'],
        whenNobodyAvailable: 'reject',
      },
    });
  });

  it('says so when nothing changed, and refuses a bad new token', () => {
    const view = pageChannel();
    expect(updateChannelBody(view, channelDraft(view))).toEqual({
      ok: false,
      problems: { form: 'Nothing changed.' },
    });
    const checked = updateChannelBody(view, { ...channelDraft(view), accessToken: 'abc' });
    expect(checked.ok ? undefined : checked.problems['accessToken']).toBe(
      CHANNEL_WORDS['accessToken'],
    );
  });
});

describe('a WhatsApp line’s recording settings', () => {
  it('sends only what changed, and names a bad field in words', () => {
    const view = numberChannel();
    const draft = channelDraft(view);
    expect(draft.mediaCapture).toBe('off');
    expect(
      updateChannelBody(view, {
        ...draft,
        mediaCapture: 'both',
        mediaPurpose: ' quality assurance ',
        mediaRetentionDays: '30',
      }),
    ).toEqual({
      ok: true,
      body: {
        mediaCapture: 'both',
        mediaPurpose: 'quality assurance',
        mediaAnnouncementLanguage: 'en_US',
        mediaRetentionDays: 30,
      },
    });
    const bad = updateChannelBody(view, {
      ...draft,
      mediaCapture: 'record',
      mediaAnnouncementLanguage: 'English',
      mediaRetentionDays: '0',
    });
    expect(bad).toEqual({
      ok: false,
      problems: {
        mediaAnnouncementLanguage: CHANNEL_WORDS['mediaAnnouncementLanguage'],
        mediaRetentionDays: CHANNEL_WORDS['mediaRetentionDays'],
      },
    });
  });

  it('sends none of them for a Page', () => {
    const view = pageChannel();
    const checked = updateChannelBody(view, { ...channelDraft(view), mediaCapture: 'record' });
    expect(checked).toEqual({ ok: false, problems: { form: 'Nothing changed.' } });
    const anchored = updateChannelBody(view, { ...channelDraft(view), mediaMode: 'anchored' });
    expect(anchored).toEqual({ ok: false, problems: { form: 'Nothing changed.' } });
  });
});

describe('a WhatsApp line’s call audio path', () => {
  it('starts as the server has it (direct when an older server says nothing), and sends a change only', () => {
    const view = numberChannel();
    expect(channelDraft(view).mediaMode).toBe('direct');
    expect(updateChannelBody(view, { ...channelDraft(view), mediaMode: 'anchored' })).toEqual({
      ok: true,
      body: { mediaMode: 'anchored' },
    });

    const anchored = { ...view, mediaMode: 'anchored' as const };
    expect(channelDraft(anchored).mediaMode).toBe('anchored');
    expect(updateChannelBody(anchored, channelDraft(anchored))).toEqual({
      ok: false,
      problems: { form: 'Nothing changed.' },
    });
    expect(updateChannelBody(anchored, { ...channelDraft(anchored), mediaMode: 'direct' })).toEqual(
      {
        ok: true,
        body: { mediaMode: 'direct' },
      },
    );
  });
});

describe('a queueing line’s limit', () => {
  const anchored = numberChannel({ mediaMode: 'anchored' });

  it('sends queue without a limit when the default stands, and the limit when it changed', () => {
    const queued = updateChannelBody(anchored, {
      ...channelDraft(anchored),
      whenNobodyAvailable: 'queue',
    });
    expect(queued).toEqual({ ok: true, body: { whenNobodyAvailable: 'queue' } });
    const longer = updateChannelBody(anchored, {
      ...channelDraft(anchored),
      whenNobodyAvailable: 'queue',
      queueLimitSec: ' 300 ',
    });
    expect(longer).toEqual({
      ok: true,
      body: { whenNobodyAvailable: 'queue', queueLimitSec: 300 },
    });

    const queueing = { ...anchored, whenNobodyAvailable: 'queue' as const, queueLimitSec: 300 };
    expect(channelDraft(queueing).queueLimitSec).toBe('300');
    expect(updateChannelBody(queueing, { ...channelDraft(queueing), queueLimitSec: '60' })).toEqual(
      { ok: true, body: { queueLimitSec: 60 } },
    );
  });

  it('checks the limit like the other timers, and ignores it when callers are not queued', () => {
    for (const typed of ['5', '1801', '90.5', 'two minutes']) {
      const checked = updateChannelBody(anchored, {
        ...channelDraft(anchored),
        whenNobodyAvailable: 'queue',
        queueLimitSec: typed,
      });
      expect(checked).toEqual({
        ok: false,
        problems: {
          queueLimitSec: 'Let callers wait in the queue for between 10 and 1800 seconds.',
        },
      });
    }
    const notQueued = updateChannelBody(anchored, {
      ...channelDraft(anchored),
      whenNobodyAvailable: 'reject',
      queueLimitSec: 'x',
    });
    expect(notQueued).toEqual({ ok: true, body: { whenNobodyAvailable: 'reject' } });
  });
});
