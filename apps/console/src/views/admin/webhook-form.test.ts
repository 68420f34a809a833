import { describe, expect, it } from 'vitest';
import { subscription } from './admin-testing';
import {
  NEW_WEBHOOK,
  newWebhookBody,
  toggleEvent,
  updateWebhookBody,
  WEBHOOK_WORDS,
  webhookDraft,
} from './webhook-form';

describe('toggleEvent', () => {
  it('keeps * alone and named events in the contract’s order', () => {
    expect(toggleEvent(['*'], 'call.ended', true)).toEqual(['call.ended']);
    expect(toggleEvent(['call.ended'], 'call.ringing', true)).toEqual([
      'call.ringing',
      'call.ended',
    ]);
    expect(toggleEvent(['call.ringing', 'call.ended'], '*', true)).toEqual(['*']);
    expect(toggleEvent(['*'], '*', false)).toEqual([]);
    expect(toggleEvent(['call.ended', 'call.missed'], 'call.ended', false)).toEqual([
      'call.missed',
    ]);
  });
});

describe('newWebhookBody', () => {
  it('builds a subscription, leaving the secret to the server when none is typed', () => {
    expect(newWebhookBody({ ...NEW_WEBHOOK, url: ' https://crm.example.com/hooks ' })).toEqual({
      ok: true,
      body: { url: 'https://crm.example.com/hooks', events: ['*'], active: true },
    });
    const withSecret = newWebhookBody({
      ...NEW_WEBHOOK,
      url: 'https://crm.example.com/hooks',
      secret: 'sixteen-chars-ok!',
      description: 'HubSpot',
    });
    expect(withSecret.ok && withSecret.body).toMatchObject({
      secret: 'sixteen-chars-ok!',
      description: 'HubSpot',
    });
  });

  it('says what to fix: the address, the events, a short secret', () => {
    expect(
      newWebhookBody({ ...NEW_WEBHOOK, url: 'crm.example.com', events: [], secret: 'short' }),
    ).toEqual({
      ok: false,
      problems: {
        url: WEBHOOK_WORDS['url'],
        events: WEBHOOK_WORDS['events'],
        secret: WEBHOOK_WORDS['secret'],
      },
    });
    const ftp = newWebhookBody({ ...NEW_WEBHOOK, url: 'ftp://crm.example.com/hooks' });
    expect(ftp.ok ? undefined : ftp.problems['url']).toBe(WEBHOOK_WORDS['url']);
  });
});

describe('updateWebhookBody', () => {
  it('sends what changed and a new secret only when typed', () => {
    const view = subscription({ events: ['call.ended'] });
    expect(updateWebhookBody(view, { ...webhookDraft(view), active: false })).toEqual({
      ok: true,
      body: { active: false },
    });
    expect(
      updateWebhookBody(view, {
        ...webhookDraft(view),
        events: ['call.ended', 'call.missed'],
        secret: 'a-brand-new-secret',
      }),
    ).toEqual({
      ok: true,
      body: { events: ['call.ended', 'call.missed'], secret: 'a-brand-new-secret' },
    });
    expect(updateWebhookBody(view, webhookDraft(view))).toEqual({
      ok: false,
      problems: { form: 'Nothing changed.' },
    });
  });
});
