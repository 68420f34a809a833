import { writeMicWav, LOUD_VOICE } from '../support/wav';
writeMicWav('/tmp/e2e-loud.wav', LOUD_VOICE);
