// each locale's catalog or a part of it, compiled at build time by i18n-catalog-plugin.ts
declare module 'virtual:ringside-catalog/*' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
