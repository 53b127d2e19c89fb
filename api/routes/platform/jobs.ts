import { createRoute } from '@hono/zod-openapi';
import { getJob } from '../../../src/platform/jobs';
import { principalOf } from '../../auth';
import type { Router } from '../../router';
import { errorResponses, IdParam, json } from '../../schemas';
import { JobSchema } from './schemas';

export function registerJobRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/jobs/{id}', tags: ['jobs'],
      description: 'A bulk job (bulk invite, group import) with its progress and per-row errors.',
      request: { params: IdParam },
      responses: { 200: json(JobSchema), ...errorResponses(404) },
    }),
    async (c) => c.json(await getJob(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );
}
