import { createSetupCheck } from '../setup/create-setup-check';
import { SetupView } from '../views/setup/SetupView';
import { useCalling } from './ConsoleProvider';

/**
 * `/setup` wired: "Test my setup" made once over the console's microphone, relay servers and
 * speaker. Loaded with the page, so the checks stay out of the console's first load.
 *
 * @example
 * <Route path="setup" element={<SetupRoute />} />
 */
export function SetupRoute() {
  const setup = useCalling().setupCheck(createSetupCheck);
  return <SetupView setup={setup} />;
}
