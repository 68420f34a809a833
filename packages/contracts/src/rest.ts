// the HTTP DTOs of spec/interfaces.md, one file per area
export * from './rest-common';
export * from './rest-auth';
export * from './rest-calls';
export * from './rest-callbacks';
export * from './rest-admin';
export * from './rest-webhooks';
