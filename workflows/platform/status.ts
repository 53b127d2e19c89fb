import { upsertSearchAttributes } from '@temporalio/workflow';
import { STATUS } from './search-attribute-definitions';

/** Mirrors a lifecycle's status into the PartnerflowStatus search attribute for the Temporal UI. */
export function publishStatus(status: string): void {
  upsertSearchAttributes([{ key: STATUS, value: status }]);
}
