import { describe } from 'vitest';
import { fuzzSuite } from './fuzz-suite';

// at least 10,000 cases in all unless told fewer (FUZZ_CASES, while developing)
const cases = Number(process.env['FUZZ_CASES'] ?? 10_000);
const webhook = Math.round(cases * 0.55);
describe('fuzz (soak size)', () => fuzzSuite({ webhook, socket: cases - webhook }));
