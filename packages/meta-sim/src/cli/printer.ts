import type { SimEvent } from '../engine/events';

export interface LinePrinter {
  /** prints one JSON object as a line, with `at` first */
  line(event: string, fields?: Record<string, unknown>): void;
  /** prints what the simulator reports */
  simEvent(event: SimEvent): void;
}

/**
 * JSON lines on `write`, with every secret scrubbed from the text as a last guard (fields that
 * hold secrets are never passed in the first place).
 *
 * @example
 * const print = createPrinter((s) => process.stdout.write(s), [appSecret, waToken]);
 * print.line('listening', { graph: url });
 */
export function createPrinter(
  write: (text: string) => void,
  secrets: readonly string[],
): LinePrinter {
  const hidden = secrets.filter((s) => s.length >= 4);
  const line = (event: string, fields: Record<string, unknown> = {}) => {
    let text = JSON.stringify({ at: new Date().toISOString(), event, ...fields });
    for (const secret of hidden) text = text.split(secret).join('[redacted]');
    write(`${text}\n`);
  };
  return {
    line,
    simEvent(event) {
      const { type, ...fields } = event;
      line(type, fields);
    },
  };
}

/** a URL safe to print: no user or password */
export function printableUrl(value: string): string {
  const url = new URL(value);
  url.username = '';
  url.password = '';
  return url.toString();
}
