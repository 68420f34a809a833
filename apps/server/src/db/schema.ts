// the one schema both drivers share; only tables here (drizzle's relational config reads every export)
export { workspaces, users, sessions } from './schema-accounts';
export { channels, channelAgents } from './schema-channels';
export { calls, callEvents } from './schema-calls';
export { webhookReceipts, webhookEvents, outbox } from './schema-delivery';
export { agentPresence } from './schema-presence';
export { webhookSubscriptions, webhookDeliveries } from './schema-outgoing';
export { auditLog } from './schema-audit';
export { metaAppSettings } from './schema-settings';
export { graphActions } from './schema-graph-actions';
export { callbacks } from './schema-callbacks';
export { callLinks } from './schema-call-links';
export { callMedia } from './schema-call-media';
