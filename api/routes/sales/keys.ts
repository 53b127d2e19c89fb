import { createRoute, z } from '@hono/zod-openapi';
import { keyStatus } from '../../../src/domain/sales/keys';
import { AppError, notFound } from '../../../src/errors';
import { findKeyBySecret, findUserKey, listSaleKeys, type SaleKeyRow } from '../../../src/repos/sales/sale-keys';
import { getSale, type Sale } from '../../../src/repos/sales/sales';
import { principalOf, requireRole } from '../../auth';
import { rateLimit } from '../../rate-limit';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { KeySchema, Launch, PublicKeySchema } from './schemas';
import { launchThroughWorkflow } from '../../../src/sales/workflow';

const view = (k: Pick<SaleKeyRow, 'id' | 'key' | 'userEmail' | 'distributionId' | 'issuedAt' | 'expiresAt' | 'renewals' | 'revokedAt'>) => ({
  id: k.id,
  key: k.key,
  userEmail: k.userEmail,
  distributionId: k.distributionId,
  issuedAt: k.issuedAt,
  expiresAt: k.expiresAt,
  status: keyStatus(k, new Date()),
  renewals: k.renewals,
  revokedAt: k.revokedAt,
});

function lineFor(sale: Sale, distributionId: string | undefined) {
  if (distributionId === undefined) {
    if (sale.distributions.length === 1) return sale.distributions[0]!;
    throw new AppError('VALIDATION_FAILED', 'Invalid body: distributionId', { errors: [{ path: 'distributionId', message: 'required: the sale has several distributions' }] });
  }
  const line = sale.distributions.find((l) => l.distributionId === distributionId);
  if (!line) throw notFound('Distribution on this sale');
  return line;
}

export function registerSaleKeyRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sales/{id}/launches',
      tags: ['sales'],
      description:
        'Called by the delivery system (admin or manager in scope) when a user of the customer launches a test. The first ' +
        'launch issues the user\'s key (201), valid keyLengthDays and renewed automatically until the sale ends; a relaunch ' +
        'returns the same key (200). Only while the sale is active (409 INVALID_STATE); at most numberOfUsers users per ' +
        'distribution (409 SEATS_EXHAUSTED).',
      request: { params: IdParam, body: jsonBody(Launch) },
      responses: { 200: json(KeySchema, 'The user\'s existing key'), 201: json(KeySchema, 'Issued'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { id } = c.req.valid('param');
      const { userEmail, distributionId } = c.req.valid('json');
      const { sql, temporal } = c.var.deps;
      const sale = await getSale(sql, p, id);
      if (sale.status !== 'active') throw new AppError('INVALID_STATE', `The sale is ${sale.status}, not active`);
      const line = lineFor(sale, distributionId);
      // A relaunch changes nothing: answer it from the database without touching the workflow's history.
      const existing = await findUserKey(sql, line.id, userEmail);
      if (existing) return c.json(view(existing), 200);
      const issued = await launchThroughWorkflow(temporal, id, { saleDistributionId: line.id, userEmail, actorId: p.userId });
      const key = (await findUserKey(sql, line.id, issued.userEmail))!;
      return c.json(view(key), issued.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sales/{id}/keys',
      tags: ['sales'],
      description: 'The sale\'s licence keys with their status.',
      request: { params: IdParam, query: PageQuery.extend({ distributionId: z.uuid().optional() }) },
      responses: { 200: json(listOf(KeySchema)), ...errorResponses(404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      await getSale(c.var.deps.sql, p, id);
      const rows = await listSaleKeys(c.var.deps.sql, id, { after: q.cursor, limit: q.limit + 1, distributionId: q.distributionId });
      const result = page(rows, q.limit, (k) => k.id);
      return c.json({ items: result.items.map(view), nextCursor: result.nextCursor }, 200);
    },
  );

  // Guessing keys must be slow: the public check is rate limited per client IP.
  app.use('/v1/public/keys/*', rateLimit({ windowMs: 60_000, max: 120, name: 'key validation' }));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/public/keys/{key}',
      tags: ['public'],
      security: [],
      description: 'Public, no token: is this licence key valid, expired or revoked? Answers nothing about the sale or its customer.',
      request: { params: z.object({ key: z.string().min(1).max(200).openapi({ param: { name: 'key', in: 'path' } }) }) },
      responses: { 200: json(PublicKeySchema), ...errorResponses(404, 429) },
    }),
    async (c) => {
      const k = await findKeyBySecret(c.var.deps.sql, c.req.valid('param').key);
      if (!k) throw notFound('Key');
      return c.json({ key: k.key, status: keyStatus(k, new Date()), expiresAt: k.expiresAt }, 200);
    },
  );
}
