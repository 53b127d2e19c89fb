import type { Principal } from '../domain/principal';
import { getJob as readJob, type Job } from '../repos/jobs';
import type { Services } from './services';

export type { Job };

/** A bulk job (bulk invite, import) in the caller's scope. */
export function getJob(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<Job> {
  return readJob(s.sql, p, id);
}
