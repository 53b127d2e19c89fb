import type { Db } from '../db/connect';
import type { Principal } from '../domain/principal';
import { LIVE_STATUSES, type LiveRow, type ReconciledKind } from '../domain/reconciliation';
import { inScope } from './scope';

export interface LiveEntity extends LiveRow {
  organizationId: string | null;
}

export interface Finding {
  kind: ReconciledKind;
  entityId: string;
  organizationId: string | null;
  workflowId: string;
  entityStatus: string;
  workflowStatus: string;
  reason: string;
  foundAt: Date;
  checkedAt: Date;
}

/**
 * Every row that says a workflow looks after it (LIVE_STATUSES), oldest first, `limit` rows after
 * `after` (the (created_at, id) of the last row of the previous page), so a large table is read
 * in pages. Group users' subscriptions count only when a workflow creates them in Stripe (a
 * redemption or an access claim; imports and owners have none); the responses of a bulk
 * invitation still running wait for their job, which starts their workflows in batches.
 */
export async function listLiveEntities(sql: Db, after: { createdAt: Date; id: string } | null, limit: number): Promise<LiveEntity[]> {
  const l = LIVE_STATUSES;
  return sql<LiveEntity[]>`
    select * from (
      select 'sale' as kind, id, status, created_at, organization_id from sales where status in ${sql(l.sale as string[])}
      union all
      select 'response', r.id, r.status, r.created_at, r.organization_id from responses r where r.status in ${sql(l.response as string[])}
       and not exists (select 1 from jobs j where j.id = r.job_id and j.status = 'running')
      union all
      select 'purchase', id, status, created_at, organization_id from purchases where status in ${sql(l.purchase as string[])}
      union all
      select 'campaign', c.id, c.status, c.created_at, g.organization_id from campaigns c join groups g on g.id = c.group_id
       where c.status in ${sql(l.campaign as string[])}
      union all
      select 'subscription', s.id, s.status, s.created_at, g.organization_id from subscriptions s join groups g on g.id = s.group_id
       where s.status in ${sql(l.subscription as string[])} and s.source in ('redemption', 'ip_claim', 'email_claim')
      union all
      select 'aggregator', id, status, created_at, organization_id from aggregators where status in ${sql(l.aggregator as string[])}
      union all
      select 'job', id, status, created_at, organization_id from jobs where status in ${sql(l.job as string[])}
    ) live
    where ${after ? sql`(created_at, id) > (${after.createdAt}, ${after.id}::uuid)` : sql`true`}
    order by created_at, id
    limit ${limit}`;
}

/** Records what one run found: new findings are added, known ones keep their first `found_at`. */
export async function recordFindings(
  sql: Db,
  findings: { kind: ReconciledKind; entityId: string; organizationId: string | null; workflowId: string; entityStatus: string; workflowStatus: string; reason: string }[],
): Promise<string[]> {
  if (findings.length === 0) return [];
  const rows = await sql<{ kind: string; entityId: string; isNew: boolean }[]>`
    insert into needs_attention (kind, entity_id, organization_id, workflow_id, entity_status, workflow_status, reason)
    select * from unnest(
      ${findings.map((f) => f.kind)}::text[], ${findings.map((f) => f.entityId)}::uuid[], ${findings.map((f) => f.organizationId) as string[]}::uuid[],
      ${findings.map((f) => f.workflowId)}::text[], ${findings.map((f) => f.entityStatus)}::text[], ${findings.map((f) => f.workflowStatus)}::text[],
      ${findings.map((f) => f.reason)}::text[])
    on conflict (kind, entity_id) do update
      set entity_status = excluded.entity_status, workflow_status = excluded.workflow_status, reason = excluded.reason, checked_at = now()
    returning kind, entity_id, (xmax = 0) as is_new`;
  return rows.filter((r) => r.isNew).map((r) => `${r.kind}:${r.entityId}`);
}

/** Clears every finding a run did not find again (`still`: `kind:id`): the row was repaired or its workflow runs again. */
export async function clearFindingsExcept(sql: Db, still: string[]): Promise<{ kind: string; entityId: string; workflowId: string }[]> {
  return sql<{ kind: string; entityId: string; workflowId: string }[]>`
    delete from needs_attention where not ((kind || ':' || entity_id::text) = any(${still}::text[]))
    returning kind, entity_id, workflow_id`;
}

/** Findings in the caller's scope, by entity id; `kind` narrows them. */
export async function listFindings(sql: Db, principal: Principal, q: { kind?: ReconciledKind; after?: string; limit: number }): Promise<Finding[]> {
  return sql<Finding[]>`
    select kind, entity_id, organization_id, workflow_id, entity_status, workflow_status, reason, found_at, checked_at
    from needs_attention n
    where ${inScope(sql, principal, 'n.organization_id')}
      and ${q.kind ? sql`n.kind = ${q.kind}` : sql`true`}
      and ${q.after ? sql`n.entity_id > ${q.after}::uuid` : sql`true`}
    order by n.entity_id
    limit ${q.limit}`;
}
