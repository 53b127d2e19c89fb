import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../../src/domain/principal';
import { actorOf } from '../../../src/domain/principal';
import { todayUtc } from '../../../src/domain/sales/dates';
import { SALE_STATUSES } from '../../../src/domain/sales/types';
import { AppError } from '../../../src/errors';
import { recordAudit } from '../../../src/repos/audit';
import { listCustomerPeople } from '../../../src/repos/sales/customers';
import { getSale, insertComment, listComments, listSales, updateSaleFields, type Sale } from '../../../src/repos/sales/sales';
import { activationDateChangedSignal, approveSaleUpdate, rejectSaleUpdate } from '../../../workflows/sales/sale-definitions';
import { principalOf, requireRole } from '../../auth';
import { errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { registerSale } from '../../../src/sales/registration';
import { Comment, CommentInput, CreateSale, PatchSale, Reject, SaleDetail, SaleSchema } from './schemas';
import { askSale, saleHandle, startSaleWorkflow } from '../../../src/sales/workflow';

const READ_ONLY_ON_CREATE = ['cancellationDate', 'status'] as const;
const READ_ONLY_ON_PATCH = ['cancellationDate', 'distributions', 'numberOfUsers', 'customer', 'organizationId', 'status'] as const;

/** Read-only fields are refused by name, with 422, before anything changes. */
function refuseImmutable(body: Record<string, unknown>, readOnly: readonly string[]) {
  const fields = readOnly.filter((f) => body[f] !== undefined);
  if (fields.length) {
    throw new AppError('IMMUTABLE_FIELD', `${fields.join(', ')} cannot be set: ${fields.includes('cancellationDate') ? 'the cancellation date is always the activation date + 365 days' : 'fixed at registration'}`, { fields });
  }
}

function refusePastActivation(activationDate: string) {
  if (activationDate < todayUtc(new Date())) {
    throw new AppError('VALIDATION_FAILED', 'The activation date cannot be in the past', { errors: [{ path: 'activationDate', message: 'must be today (UTC) or later' }] });
  }
}

async function detail(sql: Parameters<typeof getSale>[0], p: Principal, id: string) {
  const sale = await getSale(sql, p, id);
  const [comments, contacts, users] = await Promise.all([
    listComments(sql, id),
    listCustomerPeople(sql, 'contacts', sale.organizationId),
    listCustomerPeople(sql, 'users', sale.organizationId),
  ]);
  return { ...sale, comments, contacts, users };
}

const auditView = (s: Sale) => ({ name: s.name, customerPoNumber: s.customerPoNumber, orderNumber: s.orderNumber, billed: s.billed, activationDate: s.activationDate, cancellationDate: s.cancellationDate });

export function registerSaleRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sales',
      tags: ['sales'],
      description:
        'Registers a subscription-plan sale (managers: for their organization or a descendant). The customer is an existing ' +
        'organization or one created in the same transaction; it must have ltiService (422 LTI_SERVICE_REQUIRED). Prices are ' +
        'computed from the catalog. The sale starts pending approval.',
      request: { body: jsonBody(CreateSale) },
      responses: { 201: json(SaleDetail, 'Created'), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const body = c.req.valid('json');
      refuseImmutable(body, READ_ONLY_ON_CREATE);
      refusePastActivation(body.activationDate);
      const { sql, temporal, taskQueue } = c.var.deps;
      const id = await sql.begin((tx) => registerSale(tx, p, body, (sale) => startSaleWorkflow(temporal, taskQueue, sale)));
      return c.json(await detail(sql, p, id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sales',
      tags: ['sales'],
      description: 'Sales of the caller\'s organization and its descendants (admins and site approvers: all).',
      request: { query: PageQuery.extend({ status: z.enum(SALE_STATUSES).optional(), organizationId: z.uuid().optional() }) },
      responses: { 200: json(listOf(SaleSchema)), ...errorResponses() },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listSales(c.var.deps.sql, principalOf(c), { after: q.cursor, limit: q.limit + 1, status: q.status, organizationId: q.organizationId });
      return c.json(page(rows, q.limit, (s) => s.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sales/{id}',
      tags: ['sales'],
      description: 'The sale with its comment thread and the customer\'s contacts and users.',
      request: { params: IdParam },
      responses: { 200: json(SaleDetail), ...errorResponses(404) },
    }),
    async (c) => c.json(await detail(c.var.deps.sql, principalOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/sales/{id}',
      tags: ['sales'],
      description:
        'Changes name, customerPoNumber, orderNumber, billed, and the activation date while the sale is pending approval or ' +
        'approved (409 INVALID_STATE after). cancellationDate, distributions and numberOfUsers answer 422 IMMUTABLE_FIELD.',
      request: { params: IdParam, body: jsonBody(PatchSale) },
      responses: { 200: json(SaleDetail), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => {
      const p = requireRole(c, 'admin', 'manager');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      refuseImmutable(body, READ_ONLY_ON_PATCH);
      const { name, customerPoNumber, orderNumber, billed, activationDate } = body;
      const { sql, temporal } = c.var.deps;
      await sql.begin(async (tx) => {
        const before = await getSale(tx, p, id, { forUpdate: true });
        const moved = activationDate !== undefined && activationDate !== before.activationDate;
        if (moved) {
          if (before.status !== 'pending_approval' && before.status !== 'approved') {
            throw new AppError('INVALID_STATE', `The activation date cannot change once the sale is ${before.status}`);
          }
          refusePastActivation(activationDate);
        }
        await updateSaleFields(tx, id, { name, customerPoNumber, orderNumber, billed, activationDate });
        const after = await getSale(tx, p, id);
        await recordAudit(tx, { actor: actorOf(p), entity: 'sale', entityId: id, action: 'update', organizationId: after.organizationId, before: auditView(before), after: auditView(after) });
        // Inside the transaction: if the workflow cannot hear of the new date, the date does not change.
        if (moved) await askSale(() => saleHandle(temporal, id).signal(activationDateChangedSignal, { activationDate }));
      });
      return c.json(await detail(sql, p, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sales/{id}/comments',
      tags: ['sales'],
      description: 'Appends to the sale\'s comment thread. Anyone who can read the sale may comment.',
      request: { params: IdParam, body: jsonBody(CommentInput) },
      responses: { 201: json(Comment, 'Created'), ...errorResponses(404) },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const { text } = c.req.valid('json');
      const comment = await c.var.deps.sql.begin(async (tx) => {
        const sale = await getSale(tx, p, id);
        const created = await insertComment(tx, id, p.userId, text);
        await recordAudit(tx, { actor: actorOf(p), entity: 'sale', entityId: id, action: 'comment', organizationId: sale.organizationId, after: created });
        return created;
      });
      return c.json(comment, 201);
    },
  );

  const decision = (path: 'approve' | 'reject', description: string) => ({
    method: 'post' as const,
    path: `/v1/sales/{id}/${path}`,
    tags: ['sales'],
    description,
    responses: { 200: json(SaleDetail), ...errorResponses(403, 404, 409) },
  });

  app.openapi(
    createRoute({
      ...decision('approve', 'Approvers and admins only. Pending → approved; the registering user is e-mailed. Anything but a pending sale answers 409 INVALID_STATE.'),
      request: { params: IdParam },
    }),
    async (c) => {
      const p = requireRole(c, 'approver', 'admin');
      const { id } = c.req.valid('param');
      const sale = await getSale(c.var.deps.sql, p, id);
      if (sale.status !== 'pending_approval') throw new AppError('INVALID_STATE', `The sale is ${sale.status}, not pending approval`);
      await askSale(() => saleHandle(c.var.deps.temporal, id).executeUpdate(approveSaleUpdate, { args: [{ userId: p.userId }] }));
      return c.json(await detail(c.var.deps.sql, p, id), 200);
    },
  );

  app.openapi(
    createRoute({
      ...decision('reject', 'Approvers and admins only. Pending → rejected with a reason; the lifecycle ends.'),
      request: { params: IdParam, body: jsonBody(Reject) },
    }),
    async (c) => {
      const p = requireRole(c, 'approver', 'admin');
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const sale = await getSale(c.var.deps.sql, p, id);
      if (sale.status !== 'pending_approval') throw new AppError('INVALID_STATE', `The sale is ${sale.status}, not pending approval`);
      await askSale(() => saleHandle(c.var.deps.temporal, id).executeUpdate(rejectSaleUpdate, { args: [{ userId: p.userId, reason }] }));
      return c.json(await detail(c.var.deps.sql, p, id), 200);
    },
  );
}
