import { z } from '@hono/zod-openapi';
import { AppError } from '../../../src/errors';
import { createGroup, getGroupWithRules, listGroups, setAccessRules } from '../../../src/groups/groups';
import { acceptImport, importResults, type ImportList } from '../../../src/groups/imports';
import { removeGroupUser } from '../../../src/groups/removal';
import { principalOf, requireRole } from '../../auth';
import { IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import { JobSchema } from '../platform/schemas';
import { routesOf } from '../../route-spec';
import type { Router } from '../../router';
import { AccessRulesSchema, GroupSchema, SubscriptionSchema } from './schemas';

const RemoveGroupUser = z.strictObject({ reason: z.string().trim().min(1).max(2000) }).openapi('RemoveGroupUser');

const CreateGroup = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    ownerCustomerId: z.uuid(),
    ownerSubscriptionId: z.uuid().openapi({ description: "The owner's subscription (POST /v1/subscriptions); it becomes the group's owner subscription" }),
    usersPlanId: z.uuid().openapi({ description: 'The plan group users get: free for imports and access rules, paid (with coupons) for campaigns' }),
    organizationId: z.uuid().nullable().optional().openapi({ description: 'Lets managers of this organization run the group; default: admins only' }),
  })
  .openapi('CreateGroup');

// Rows are checked one by one later (bad ones become failed rows); here only the shape.
const ImportJson = z.strictObject({ users: z.array(z.strictObject({ email: z.string().max(320), name: z.string().max(1000) })).min(1) }).openapi('GroupImport');

const SetAccessRules = z
  .strictObject({
    ipRanges: z.array(z.string().max(64)).max(1000).openapi({ example: ['203.0.113.0/24', '2001:db8::/32'] }),
    emailDomains: z.array(z.string().max(253)).max(1000).openapi({ example: ['xyz.example'] }),
  })
  .openapi('SetAccessRules');

const ImportRowSchema = z.object({
  line: z.number().int(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['pending', 'created', 'existing', 'failed']),
  error: z.string().nullable(),
  subscriptionId: z.uuid().nullable(),
});

const route = routesOf('group subscriptions');

export function registerGroupRoutes(app: Router) {
  app.openapi(
    route.post('/v1/groups', {
      description: 'Admin only. Ties an owner (customer and their existing subscription) to the plan the group\'s users get.',
      request: { body: jsonBody(CreateGroup) },
      ok: { 201: GroupSchema }, errors: [403, 404, 409, 422],
    }),
    async (c) => c.json(await createGroup(c.var.deps, requireRole(c, 'admin'), c.req.valid('json')), 201),
  );

  app.openapi(
    route.get('/v1/groups', {
      description: 'Admins: all; managers: groups linked to their organizations.',
      request: { query: PageQuery.extend({ organizationId: z.uuid().optional() }) },
      ok: { 200: listOf(GroupSchema) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listGroups(c.var.deps, principalOf(c), { after: q.cursor, limit: q.limit + 1, organizationId: q.organizationId });
      return c.json(page(rows, q.limit, (g) => g.id), 200);
    },
  );

  app.openapi(
    route.get('/v1/groups/{id}', { request: { params: IdParam }, ok: { 200: GroupSchema }, errors: [404] }),
    async (c) => c.json(await getGroupWithRules(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    route.post('/v1/groups/{id}/access-rules', {
      description:
        'Replaces the group\'s rules. CIDR ranges are validated and normalised (203.0.113.7/24 → 203.0.113.0/24, a bare address is one host); ' +
        'domains are lower-cased without a leading @ or dots and match their subdomains. On a paid users plan the first rules also create ' +
        'a 100 %-off Stripe coupon (stripeCouponId) that claims subscribe with, so a claim is never charged.',
      request: { params: IdParam, body: jsonBody(SetAccessRules) },
      ok: { 201: AccessRulesSchema }, errors: [403, 404, 409, 422, 503],
    }),
    async (c) => c.json(await setAccessRules(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    route.post('/v1/groups/{id}/imports', {
      description:
        'A list of users, as JSON `{ users: [{ email, name }] }` or text/csv with header `email,name`: one customer and subscription on the ' +
        "group's free users plan per new address; addresses already in the group are left alone, so re-running a list creates no duplicates. " +
        'Answers 202 with the job (GET /v1/jobs/{id}); bad rows are reported by line (CSV: the header is line 1; JSON: the position in users, from 1).',
      request: {
        params: IdParam,
        body: {
          required: false,
          content: {
            'application/json': { schema: ImportJson },
            'text/csv': { schema: z.string().openapi({ example: 'email,name\nana@xyz.example,Ana\n' }) },
          },
        },
      },
      ok: { 202: json(JobSchema, 'Accepted: the job runs') }, errors: [403, 404, 409, 415],
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const type = c.req.header('content-type') ?? '';
      let list: ImportList;
      if (/^text\/csv\b/i.test(type)) list = { csv: await c.req.text() };
      // The platform's body gate let only a JSON type through besides CSV (415 for any other).
      else if (type) list = c.req.valid('json') as z.infer<typeof ImportJson>;
      else throw new AppError('VALIDATION_FAILED', 'Send the list as application/json or text/csv', { errors: [{ path: 'body', message: 'a list of users is required' }] });
      const job = await acceptImport(c.var.deps, p, c.req.valid('param').id, list);
      c.header('Location', `/v1/jobs/${job.id}`);
      return c.json(job, 202);
    },
  );

  app.openapi(
    route.get('/v1/groups/{id}/imports/{jobId}', {
      description: 'The import job with every row\'s outcome: created, existing (already in the group), failed (with the reason) or pending.',
      request: { params: IdParam.extend({ jobId: z.uuid().openapi({ param: { name: 'jobId', in: 'path' } }) }) },
      ok: { 200: JobSchema.extend({ created: z.number().int(), existing: z.number().int(), rows: z.array(ImportRowSchema) }) },
      errors: [404],
    }),
    async (c) => {
      const { id, jobId } = c.req.valid('param');
      return c.json(await importResults(c.var.deps, principalOf(c), id, jobId), 200);
    },
  );

  app.openapi(
    route.post('/v1/groups/{id}/users/{subscriptionId}/remove', {
      description:
        "Removes a user from the group (admins, and managers of the group's organization): their subscription is canceled in Stripe " +
        '(idempotency key subscription-<id>-cancel) and here (status canceled, removedAt, removedBy, removalReason), which frees their ' +
        'place in the group; a code they redeemed stays used. A repeat answers the removal as recorded. 409 INVALID_STATE while the ' +
        'subscription is still being created in Stripe, or when it never was; 503 when Stripe cannot be reached (nothing changed).',
      request: {
        params: IdParam.extend({ subscriptionId: z.uuid().openapi({ param: { name: 'subscriptionId', in: 'path' }, description: "The group user's subscription" }) }),
        body: jsonBody(RemoveGroupUser),
      },
      ok: { 200: SubscriptionSchema }, errors: [403, 404, 409, 422, 503],
    }),
    async (c) => {
      const { id, subscriptionId } = c.req.valid('param');
      return c.json(await removeGroupUser(c.var.deps, requireRole(c, 'admin', 'manager'), id, subscriptionId, c.req.valid('json').reason), 200);
    },
  );
}
