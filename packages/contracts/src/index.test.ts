import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as contracts from './index';

// the names other packages code against (packages/contracts brief); renaming one breaks them
const PROMISED = [
  'waWebhookSchema',
  'waChangeValueSchema',
  'waCallSchema',
  'waCallConnectSchema',
  'waCallTerminateSchema',
  'waCallStatusSchema',
  'waPermissionReplyMessageSchema',
  'metaErrorItemSchema',
  'msgrWebhookSchema',
  'msgrCallSchema',
  'msgrPermissionReplySchema',
  'metaWebhookSchema',
  'parseMetaWebhook',
  'waPreAcceptBodySchema',
  'waAcceptBodySchema',
  'waRejectBodySchema',
  'waTerminateBodySchema',
  'waConnectBodySchema',
  'waCallActionBodySchema',
  'waSuccessReplySchema',
  'waConnectReplySchema',
  'waPermissionRequestMessageSchema',
  'waMessageSentReplySchema',
  'waCallPermissionsReplySchema',
  'waCallingSettingsSchema',
  'waSettingsBodySchema',
  'msgrAcceptBodySchema',
  'msgrRejectBodySchema',
  'msgrTerminateBodySchema',
  'msgrConnectBodySchema',
  'msgrMediaUpdateBodySchema',
  'msgrCallActionBodySchema',
  'msgrAcceptReplySchema',
  'msgrSuccessReplySchema',
  'msgrConnectReplySchema',
  'msgrMediaUpdateReplySchema',
  'msgrCallPermissionsReplySchema',
  'metaErrorEnvelopeSchema',
  'META_ERROR_CODES',
  'describeMetaError',
  'outgoingEventSchema',
  'OUTGOING_EVENT_NAMES',
  'callOutcomeSchema',
  'channelSchema',
] as const;

// every source file the index pulls in, followed through relative imports
function reachableSources(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(new URL(`./${name}.ts`, import.meta.url), 'utf8');
    for (const match of text.matchAll(/from '\.\/([\w-]+)'/g)) if (match[1]) visit(match[1]);
  };
  visit('index');
  return [...seen];
}

describe('package index', () => {
  it.each(PROMISED)('exports %s', (name) => {
    expect(contracts[name]).toBeDefined();
  });

  it('does not export the node-only signature helpers', () => {
    expect(contracts).not.toHaveProperty('verifyMetaSignature');
    expect(contracts).not.toHaveProperty('signMetaPayload');
  });

  it('reaches no node built-in, so the browser console can import it', () => {
    const files = reachableSources();
    expect(files).toContain('whatsapp-webhook');
    expect(files).not.toContain('signature');
    for (const file of files) {
      const text = readFileSync(new URL(`./${file}.ts`, import.meta.url), 'utf8');
      expect(text, file).not.toMatch(/from 'node:/);
    }
  });
});
