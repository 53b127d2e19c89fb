import { createRoute, z } from '@hono/zod-openapi';
import { inScope } from '../../src/repos/scope';
import { principalOf } from '../auth';
import { errorResponses, json, listOf, page, PageQuery } from '../schemas';
import type { Router } from '.';

const AuditEvent = z
  .object({
    id: z.number().int(),
    at: z.date(),
    actor: z.string(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    organizationId: z.uuid().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEvent');

export function registerAuditRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audit',
      tags: ['audit'],
      description: 'State changes of one entity, oldest first. Managers see events of their organizations only.',
      request: { query: PageQuery.extend({ entity: z.string().min(1), id: z.string().min(1) }) },
      responses: { 200: json(listOf(AuditEvent)), ...errorResponses() },
    }),
    async (c) => {
      const p = principalOf(c);
      const q = c.req.valid('query');
      const sql = c.var.deps.sql;
      const rows = await sql<z.infer<typeof AuditEvent>[]>`
        select id, at, actor, entity, entity_id, action, organization_id, before, after
        from audit_events a
        where entity = ${q.entity} and entity_id = ${q.id}
          and ${p.role === 'admin' ? sql`true` : sql`a.organization_id is not null and ${inScope(sql, p, 'a.organization_id')}`}
          ${q.cursor ? sql`and id > ${Number(q.cursor)}` : sql``}
        order by id limit ${q.limit + 1}`;
      return c.json(page(rows, q.limit, (e) => String(e.id)), 200);
    },
  );
}
