import { describe, expect, it } from 'vitest';
import { numberChannel, pageChannel } from './admin-testing';
import { channelDraft, newChannelDraft } from './channel-form';
import { canQueue, withMediaMode } from './channel-queue';

describe('queueing a line’s callers', () => {
  it('is possible only on a WhatsApp line through the media server, never on a new one', () => {
    expect(canQueue(channelDraft(numberChannel({ mediaMode: 'anchored' })))).toBe(true);
    expect(canQueue(channelDraft(numberChannel({ mediaMode: 'direct' })))).toBe(false);
    expect(canQueue(channelDraft(numberChannel()))).toBe(false);
    expect(canQueue(channelDraft(pageChannel()))).toBe(false);
    expect(canQueue(newChannelDraft('whatsapp'))).toBe(false);
  });

  it('falls back to keep ringing when Call audio goes direct, and says so', () => {
    const queueing = channelDraft(
      numberChannel({ mediaMode: 'anchored', whenNobodyAvailable: 'queue' }),
    );
    const direct = withMediaMode(queueing, 'direct');
    expect(direct.fellBack).toBe(true);
    expect(direct.draft).toMatchObject({
      mediaMode: 'direct',
      whenNobodyAvailable: 'keep-ringing',
    });

    // any other choice is left as the admin made it
    const rejecting = withMediaMode({ ...queueing, whenNobodyAvailable: 'reject' }, 'direct');
    expect(rejecting).toMatchObject({
      fellBack: false,
      draft: { mediaMode: 'direct', whenNobodyAvailable: 'reject' },
    });
    const back = withMediaMode(direct.draft, 'anchored');
    expect(back).toMatchObject({
      fellBack: false,
      draft: { mediaMode: 'anchored', whenNobodyAvailable: 'keep-ringing' },
    });
  });
});
