import { DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from '../engine/config';
import type { CommonArgs } from './args';
import type { LinePrinter } from './printer';

/**
 * The simulator's options from the command line: the demo number and page, with tokens and
 * timeouts as given.
 *
 * @example
 * const sim = createMetaSim(simOptions(args, printer));
 */
export function simOptions(args: CommonArgs, printer: LinePrinter): MetaSimOptions {
  return {
    webhookUrl: args.webhookUrl,
    ...(args.appSecret === null ? {} : { appSecret: args.appSecret }),
    ...(args.graphVersion === null ? {} : { graphVersion: args.graphVersion }),
    numbers: [
      { ...DEMO_WHATSAPP_NUMBER, accessToken: args.waToken ?? DEMO_WHATSAPP_NUMBER.accessToken },
    ],
    pages: [
      { ...DEMO_MESSENGER_PAGE, accessToken: args.pageToken ?? DEMO_MESSENGER_PAGE.accessToken },
    ],
    ...(args.ringTimeoutS === null ? {} : { timeouts: { ringMs: args.ringTimeoutS * 1000 } }),
    onEvent: (event) => printer.simEvent(event),
  };
}

/** every secret the command line may carry, for the printer to scrub */
export function secretsOf(args: CommonArgs): string[] {
  return [args.appSecret, args.waToken, args.pageToken].filter((s): s is string => s !== null);
}

/** what `listening` reports: ids and URLs, never tokens */
export function describeChannels(options: MetaSimOptions) {
  return {
    numbers: (options.numbers ?? []).map(({ phoneNumberId, wabaId, displayPhoneNumber }) => ({
      phoneNumberId,
      wabaId,
      displayPhoneNumber,
    })),
    pages: (options.pages ?? []).map(({ pageId, name }) => ({ pageId, name })),
  };
}
