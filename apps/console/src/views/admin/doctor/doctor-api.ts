import { doctorReportSchema, type DoctorReport } from '@ringside/contracts';
import type { ApiResult } from '../../../api/http';
import { readWith } from '../../../api/read-schema';
import type { RestClient } from '../../../api/rest-client';

const readReport = readWith(doctorReportSchema);

/**
 * `GET /api/admin/doctor` (admins): the set-up checks, run now.
 *
 * @example
 * const result = await new DoctorApi(rest).run();
 * if (result.ok && !result.data.callsCanFlow) showProblems(result.data.checks);
 */
export class DoctorApi {
  constructor(private readonly rest: RestClient) {}

  run(): Promise<ApiResult<DoctorReport>> {
    return this.rest.get('/api/admin/doctor', readReport);
  }
}
