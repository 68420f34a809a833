import type { SimConfig } from './config';
import { refuse, type MetaFailure } from './outcome';

/** an approved message template the simulated WhatsApp account holds */
export interface SimTemplate {
  name: string;
  /** Meta's language code, `en`, `en_US`, `pt_BR` */
  language: string;
}

/** the one approved call permission template a simulated account starts with */
export const DEFAULT_PERMISSION_TEMPLATE: SimTemplate = {
  name: 'call_permission_request',
  language: 'en',
};

/**
 * Whether the account holds this template, approved, in this language. Meta's refusal for a
 * name it does not know and for a language it has no translation in is the same code, 132001
 * "Template name does not exist in the translation" (*Error codes*).
 *
 * @example
 * templateRefusal(config, 'call_permission_request', 'en'); // null
 * templateRefusal(config, 'call_permission_request', 'pt_BR')?.code; // 132001
 */
export function templateRefusal(
  config: Pick<SimConfig, 'approvedTemplates'>,
  name: string,
  language: string,
): MetaFailure | null {
  const named = config.approvedTemplates.filter((t) => t.name === name);
  if (named.some((t) => t.language === language)) return null;
  const details =
    named.length === 0
      ? `template name (${name}) does not exist in ${language}`
      : `template name (${name}) does not exist in ${language}; it exists in ${named.map((t) => t.language).join(', ')}`;
  return refuse(132001, details).error;
}
