import { describe } from 'vitest';
import { fuzzSuite } from './fuzz-suite';

// at least 10,000 cases in all
describe('fuzz (soak size)', () => fuzzSuite({ webhook: 5_500, socket: 4_500 }));
