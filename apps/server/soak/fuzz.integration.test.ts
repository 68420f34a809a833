import { describe } from 'vitest';
import { fuzzSuite } from './fuzz-suite';

// the soak runs 10,500 cases (fuzz.soak.ts); CI a few hundred, in seconds
describe('fuzz (CI size)', () => fuzzSuite({ webhook: 150, socket: 150 }));
