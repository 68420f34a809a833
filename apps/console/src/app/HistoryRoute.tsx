import { useState } from 'react';
import { CallLogApi } from '../api/call-log-api';
import { CallMediaApi } from '../api/call-media-api';
import { HistoryView } from '../views/history/HistoryView';
import { useServices } from './ConsoleProvider';

/**
 * `/history` wired: the call log API over the console's one REST client, made once per visit.
 * Loaded with the page, so the contracts' zod schemas stay out of the console's first load.
 *
 * @example
 * <Route path="history" element={<HistoryRoute />} />
 */
export function HistoryRoute() {
  const { rest } = useServices();
  const [callLog] = useState(() => new CallLogApi(rest));
  const [callMedia] = useState(() => new CallMediaApi(rest));
  return <HistoryView callLog={callLog} callMedia={callMedia} />;
}
