import { createRoute, z } from '@hono/zod-openapi';
import { SALE_STATUSES } from '../../../src/domain/sales/types';
import { approveSale, cancelSaleEarly, rejectSale } from '../../../src/sales/decisions';
import { registerSale } from '../../../src/sales/registration';
import { commentOnSale, getSaleDetail, listSales, updateSale } from '../../../src/sales/sales';
import { principalOf, requireRole } from '../../auth';
import { answerList, listAnswer } from '../../lists';
import { errorResponses, IdParam, json, jsonBody, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { CancelSale, Comment, CommentInput, CreateSale, PatchSale, Reject, SaleDetail, SaleSchema } from './schemas';

export function registerSaleRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sales',
      tags: ['sales'],
      description:
        'Registers a subscription-plan sale (managers: for their organization or a descendant). The customer is an existing ' +
        'organization or one created in the same transaction; it must have ltiService (422 LTI_SERVICE_REQUIRED), which only an admin ' +
        'sets (a manager sending customer.newOrganization.ltiService: 403 FORBIDDEN). Prices are ' +
        'computed from the catalog. The sale starts pending approval; every approver who may decide it, and every admin, is e-mailed.',
      request: { body: jsonBody(CreateSale) },
      responses: { 201: json(SaleDetail, 'Created'), ...errorResponses(403, 404, 409, 422) },
    }),
    async (c) => c.json(await registerSale(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sales',
      tags: ['sales'],
      description:
        "Sales of the caller's organization and its descendants (admins and site approvers: all). Accept: text/csv exports every matching sale " +
        '(its distributions, with numberOfUsers and seatsUsed, as JSON in one column).',
      request: { query: PageQuery.extend({ status: z.enum(SALE_STATUSES).optional(), organizationId: z.uuid().optional() }) },
      responses: { 200: listAnswer(SaleSchema), ...errorResponses() },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      return answerList(c, { cursor, limit }, { read: (w) => listSales(c.var.deps, p, { ...filters, ...w }), key: (r) => r.id, item: SaleSchema, name: 'sales' });
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
    async (c) => c.json(await getSaleDetail(c.var.deps, principalOf(c), c.req.valid('param').id), 200),
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
    async (c) => c.json(await updateSale(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json')), 200),
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
    async (c) => c.json(await commentOnSale(c.var.deps, principalOf(c), c.req.valid('param').id, c.req.valid('json').text), 201),
  );

  const decision = (path: 'approve' | 'reject' | 'cancel', description: string) => ({
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
    async (c) => c.json(await approveSale(c.var.deps, requireRole(c, 'approver', 'admin'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...decision('reject', 'Approvers and admins only. Pending → rejected with a reason; the lifecycle ends.'),
      request: { params: IdParam, body: jsonBody(Reject) },
    }),
    async (c) => c.json(await rejectSale(c.var.deps, requireRole(c, 'approver', 'admin'), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );

  app.openapi(
    createRoute({
      ...decision(
        'cancel',
        'Admin only. An active sale ends now instead of at its cancellation date, with a reason: every key is revoked, the sale\'s ' +
          'workflow ends and the registering user is e-mailed the reason. Answers once the sale is cancelled; anything but an active ' +
          'sale answers 409 INVALID_STATE.',
      ),
      request: { params: IdParam, body: jsonBody(CancelSale) },
    }),
    async (c) => c.json(await cancelSaleEarly(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
}
