// the browser console imports this file: nothing here may import node built-ins
// (signature helpers live at '@ringside/contracts/signature')
export * from './call-outcome';
export * from './call-source';
export * from './bsuid-pattern';
export * from './customer-id';
export * from './meta-session';
export * from './readable-issues';
export type { PassedThroughItem } from './select-items';
export * from './whatsapp-webhook';
export * from './messenger-webhook';
export * from './meta-webhook';
export * from './graph-whatsapp';
export * from './graph-messenger';
export * from './graph-messenger-call-settings';
export * from './meta-error';
export * from './socket-views';
export * from './socket-commands';
export * from './socket-events';
export * from './rest';
export * from './rest-rtc';
export * from './outgoing-events';
export * from './outgoing-test-event';
export * from './rest-admin-channels';
export * from './rest-admin-call-settings';
export * from './rest-admin-meta-webhook';
export * from './rest-admin-audit';
export * from './rest-admin-deliveries';
export * from './rest-admin-failed-events';
