import { describe, expect, it } from 'vitest';
import { auditActionWords, auditChangesWords, auditSecretsWords } from './audit-words';

describe('audit words', () => {
  it('words known actions, and unknown ones as Area: verb', () => {
    expect(auditActionWords('channel.disable')).toBe('Disabled a channel');
    expect(auditActionWords('user.reset-password')).toBe('Reset a password');
    expect(auditActionWords('report.export-all')).toBe('Report: export all');
    expect(auditActionWords('reboot')).toBe('Reboot');
  });

  it('shows new values, with user ids as names', () => {
    expect(
      auditChangesWords(
        { role: 'supervisor', ringTimeoutSec: 30, enabled: false, assignedUserIds: ['u1', 'u9'] },
        new Map([['u1', 'Asha']]),
      ),
    ).toBe('role: supervisor · ringTimeoutSec: 30 · enabled: false · assignedUserIds: Asha, u9');
    expect(auditChangesWords({ assignedUserIds: [], description: null })).toBe(
      'assignedUserIds: every agent · description: none',
    );
    expect(auditChangesWords({})).toBe('');
  });

  it('names changed secrets without their values', () => {
    expect(auditSecretsWords(['accessToken', 'appSecret'])).toBe(
      'New access token, app secret (not recorded)',
    );
    expect(auditSecretsWords([])).toBe('');
  });
});

describe('who heard a recording', () => {
  it('says each listen, download and transcript view in words', () => {
    expect(auditActionWords('call.recording.play')).toBe('Listened to a call recording');
    expect(auditActionWords('call.recording.download')).toBe('Downloaded a call recording');
    expect(auditActionWords('call.transcript.view')).toBe('Read a call transcript');
  });
});
