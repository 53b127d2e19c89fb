import { ApplicationFailure } from '@temporalio/activity';
import { recordExists, type RecordKind } from '../../src/repos/records';
import type { ActivityDeps } from '../deps';

export type { RecordKind };
export const RECORD_NOT_VISIBLE = 'RecordNotVisible';

export function createRecordActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    /**
     * A workflow started inside a transaction can run before that transaction commits: this
     * fails (retryably) until the row is visible. When the retries run out, the transaction
     * never committed and the workflow has nothing to do.
     */
    async awaitRecord(kind: RecordKind, id: string): Promise<void> {
      if (!(await recordExists(sql, kind, id))) throw ApplicationFailure.retryable(`${kind} ${id} is not visible yet`, RECORD_NOT_VISIBLE);
    },
  };
}

export type RecordActivities = ReturnType<typeof createRecordActivities>;
