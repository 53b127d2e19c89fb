import { ApplicationFailure } from '@temporalio/activity';
import { recordStatus, type RecordKind } from '../../src/repos/records';
import type { ActivityDeps } from '../deps';

export type { RecordKind };
export const RECORD_NOT_VISIBLE = 'RecordNotVisible';

export function createRecordActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    /**
     * A workflow started inside a transaction can run before that transaction commits: this
     * fails (retryably) until the row is visible. When the retries run out, the transaction
     * never committed and the workflow has nothing to do. Answers the row's status: a workflow
     * run again after a reset follows what the database already records.
     */
    async awaitRecord(kind: RecordKind, id: string): Promise<{ status: string }> {
      const status = await recordStatus(sql, kind, id);
      if (status === null) throw ApplicationFailure.retryable(`${kind} ${id} is not visible yet`, RECORD_NOT_VISIBLE);
      return { status };
    },
  };
}

export type RecordActivities = ReturnType<typeof createRecordActivities>;
