import { campaignOf, type CallSummary } from '@ringside/contracts';

/** the export's columns, in order, with how each reads a call log row */
const COLUMNS: ReadonlyArray<
  readonly [string, (call: CallSummary) => string | number | undefined]
> = [
  ['id', (c) => c.id],
  ['started_at', (c) => c.startedAt],
  ['channel', (c) => c.channel],
  ['direction', (c) => c.direction],
  ['state', (c) => c.state],
  ['outcome', (c) => c.outcome],
  ['caller_name', (c) => c.caller.name],
  ['caller_number', (c) => c.caller.number],
  ['caller_psid', (c) => c.caller.psid],
  // a WhatsApp customer known by username may have no number: their business-scoped id
  ['caller_user_id', (c) => c.caller.userId],
  ['caller_username', (c) => c.caller.username],
  ['called', (c) => c.called.label],
  ['agent', (c) => c.agent?.name],
  ['answered_at', (c) => c.answeredAt],
  ['ended_at', (c) => c.endedAt],
  ['duration_sec', (c) => c.durationSec],
  ['disposition', (c) => c.disposition],
  ['meta_error_code', (c) => c.metaError?.code],
  ['meta_error', (c) => c.metaError?.meaning],
  ['meta_call_id', (c) => c.metaCallId],
  // where the customer called from: a call link's tag (with its label) and a call button's payload
  ['campaign', (c) => campaignOf(c.source)],
  ['link_tag', (c) => c.source?.linkTag],
  ['cta_payload', (c) => c.source?.ctaPayload],
];

/** the export's column names */
export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

// digits with the punctuation people write numbers with: nothing a spreadsheet could run
const PHONE_OR_NUMBER = /^[+-]?[\d\s().-]*\d[\d\s().-]*$/;

// RFC 4180 lines end with CRLF
const EOL = '\r\n';

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled), and
 * defused when a spreadsheet would run it as a formula. Caller names come from WhatsApp
 * profiles, so anyone can put `=HYPERLINK(…)` in one; a leading `'` keeps it text. Numbers and
 * phone numbers such as `+918097530000`, `+91 91299 50000` or `-3` are left alone.
 *
 * @example
 * csvField('Rahul, "Raj"'); // '"Rahul, ""Raj"""'
 * csvField('=1+1'); // "'=1+1"
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !PHONE_OR_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The header line, with a byte-order mark so spreadsheets read non-Latin names as UTF-8.
 *
 * @example
 * res.write(csvHeader()); // '\uFEFFid,started_at,channel,…\r\n'
 */
export function csvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.join(',')}${EOL}`;
}

/**
 * One call as one CSV line.
 *
 * @example
 * res.write(csvLine(toCallSummary(row)));
 */
export function csvLine(call: CallSummary): string {
  return `${COLUMNS.map(([, read]) => csvField(read(call))).join(',')}${EOL}`;
}
