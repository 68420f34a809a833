import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// the shared fixtures sit beside the checkout, as for every other package's tests
const FIXTURES_DIR = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON from disk, reshaped here
type Json = Record<string, any>;

/** One WhatsApp call as Meta delivers it: the ring, then the caller hanging up. */
export interface WebhookPair {
  readonly callId: string;
  /** the caller's wa_id (digits); the console shows it as `+<digits>` */
  readonly from: string;
  readonly connect: string;
  readonly terminate: string;
}

export interface PairTarget {
  /** the WhatsApp number the channel was created with */
  phoneNumberId: string;
  /** keeps call ids unique across the runs of one process */
  runTag: string;
}

/**
 * Builds signed-ready bodies from the shared fixtures `whatsapp/connect-user-initiated.json`
 * (a real SDP offer) and `whatsapp/terminate-not-answered.json`, each pair with its own call
 * id and caller, stamped now (a 2025 timestamp would read as a stale call).
 *
 * @example
 * const pairs = whatsappPairs({ phoneNumberId: '1150…', runTag: 'ingest' });
 * const { connect, terminate } = pairs(0);
 */
export function whatsappPairs(target: PairTarget): (index: number) => WebhookPair {
  const connectFixture = readFixture('whatsapp/connect-user-initiated.json');
  const terminateFixture = readFixture('whatsapp/terminate-not-answered.json');
  return (index) => {
    const callId = `wacid.${Buffer.from(`bench.${target.runTag}.${index}`).toString('base64url')}`;
    // distinct callers, as on a real line: one caller's history does not grow with the run
    const from = `4470${String(index).padStart(8, '0')}`;
    const seconds = String(Math.floor(Date.now() / 1000));

    const connect = structuredClone(connectFixture);
    const connectValue = connect['entry'][0]['changes'][0]['value'];
    connectValue['metadata']['phone_number_id'] = target.phoneNumberId;
    connectValue['contacts'][0]['wa_id'] = from;
    Object.assign(connectValue['calls'][0], { id: callId, from, timestamp: seconds });

    const terminate = structuredClone(terminateFixture);
    const terminateValue = terminate['entry'][0]['changes'][0]['value'];
    terminateValue['metadata']['phone_number_id'] = target.phoneNumberId;
    Object.assign(terminateValue['calls'][0], { id: callId, from, timestamp: seconds });

    return { callId, from, connect: JSON.stringify(connect), terminate: JSON.stringify(terminate) };
  };
}

function readFixture(name: string): Json {
  return JSON.parse(readFileSync(`${FIXTURES_DIR}${name}`, 'utf8')) as Json;
}
