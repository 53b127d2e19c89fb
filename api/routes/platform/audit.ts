import { createRoute, z } from '@hono/zod-openapi';
import { listAuditEvents } from '../../../src/platform/audit';
import { principalOf } from '../../auth';
import type { Router } from '../../router';
import { AUDIT_CURSOR } from '../../../src/domain/cursor';
import { errorResponses, json, listOf, page, pageQuery } from '../../schemas';

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
      method: 'get', path: '/v1/audit', tags: ['audit'],
      description: 'State changes of one entity, oldest first. Managers see events of their organizations only.',
      request: { query: pageQuery(AUDIT_CURSOR).extend({ entity: z.string().min(1), id: z.string().min(1) }) },
      responses: { 200: json(listOf(AuditEvent)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listAuditEvents(c.var.deps, principalOf(c), { entity: q.entity, id: q.id, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (e) => String(e.id), AUDIT_CURSOR), 200);
    },
  );
}
