import { useState } from 'react';
import { useServices } from '../../../app/ConsoleProvider';
import { DoctorApi } from './doctor-api';
import { DoctorSection } from './DoctorSection';

/**
 * The Checks section wired to the console's REST client. (Its API belongs beside the other
 * admin APIs in `app/AdminRoute.tsx`; it is made here to keep this change inside its folder.)
 *
 * @example
 * <Route path="checks" element={<DoctorChecks />} />
 */
export function DoctorChecks() {
  const { rest } = useServices();
  const [api] = useState(() => new DoctorApi(rest));
  return <DoctorSection api={api} />;
}
