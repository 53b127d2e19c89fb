import { createRoute, z } from '@hono/zod-openapi';
import { RECONCILED_KINDS } from '../../../src/domain/reconciliation';
import { listFindings } from '../../../src/platform/reconciliation';
import { requireRole } from '../../auth';
import type { Router } from '../../router';
import { errorResponses, json, listOf, page, PageQuery } from '../../schemas';

const Finding = z
  .object({
    kind: z.enum(RECONCILED_KINDS),
    id: z.uuid().openapi({ description: 'The id of the sale, response, purchase, campaign, subscription, aggregator integration or job' }),
    organizationId: z.uuid().nullable(),
    workflowId: z.string(),
    status: z.string().openapi({ description: 'The row\'s own status when it was found: unchanged by the reconciliation' }),
    workflowStatus: z.string().openapi({ description: 'COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT or NOT_FOUND' }),
    needsAttention: z.literal(true),
    reason: z.string(),
    foundAt: z.date(),
    checkedAt: z.date(),
  })
  .openapi('ReconciliationFinding');

export function registerReconciliationRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/reconciliation/findings', tags: ['reconciliation'],
      description:
        'Rows that need attention: they still say they are live (a sale pending, approved or active, a campaign active, …) while the workflow that keeps them has ended. ' +
        'Found by the reconciliation schedule (every 15 minutes), cleared by its next run once the row is no longer live or its workflow runs again. Admins see all, managers their organizations\'.',
      request: { query: PageQuery.extend({ kind: z.enum(RECONCILED_KINDS).optional() }) },
      responses: { 200: json(listOf(Finding)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listFindings(c.var.deps, requireRole(c, 'admin', 'manager'), { kind: q.kind, after: q.cursor, limit: q.limit + 1 });
      const items = rows.map((f) => ({
        kind: f.kind, id: f.entityId, organizationId: f.organizationId, workflowId: f.workflowId, status: f.entityStatus,
        workflowStatus: f.workflowStatus, needsAttention: true as const, reason: f.reason, foundAt: f.foundAt, checkedAt: f.checkedAt,
      }));
      return c.json(page(items, q.limit, (f) => f.id), 200);
    },
  );
}
