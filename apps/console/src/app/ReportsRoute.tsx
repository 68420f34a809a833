import { useState } from 'react';
import { ReportsApi } from '../api/reports-api';
import { defaultRequest, ReportsView } from '../views/reports/ReportsView';
import { useServices } from './ConsoleProvider';

/**
 * `/supervisor/reports` wired: the reports API over the console's one REST client, the last 7
 * days in the browser's time zone to start with. Loaded with the page, so neither the page nor
 * its charts weigh on the console's first load.
 *
 * @example
 * <Route path="supervisor/reports" element={<ReportsRoute />} />
 */
export function ReportsRoute() {
  const { rest } = useServices();
  const [reports] = useState(() => new ReportsApi(rest));
  const [initial] = useState(() =>
    defaultRequest(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  return <ReportsView reports={reports} initial={initial} />;
}
