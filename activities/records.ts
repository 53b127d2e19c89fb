import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './deps';

/** Tables whose rows are created in the same transaction that starts their workflow (add yours). */
const TABLES = { purchase: 'purchases', job: 'jobs', sale: 'sales', campaign: 'campaigns', subscription: 'subscriptions', aggregator: 'aggregators' } as const;
export type RecordKind = keyof typeof TABLES;

export const RECORD_NOT_VISIBLE = 'RecordNotVisible';

export function createRecordActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    /**
     * A workflow started inside a transaction can run before that transaction commits: this
     * fails (retryably) until the row is visible. When the retries run out, the transaction
     * never committed and the workflow has nothing to do.
     */
    async awaitRecord(kind: RecordKind, id: string): Promise<void> {
      const [row] = await sql`select 1 from ${sql(TABLES[kind])} where id = ${id}`;
      if (!row) throw ApplicationFailure.retryable(`${kind} ${id} is not visible yet`, RECORD_NOT_VISIBLE);
    },
  };
}

export type RecordActivities = ReturnType<typeof createRecordActivities>;
