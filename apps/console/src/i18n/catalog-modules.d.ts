// each locale's catalog, compiled at build time by i18n-catalog-plugin.ts (one chunk per locale)
declare module 'virtual:ringside-catalog/*' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
