import { createRoute, z } from '@hono/zod-openapi';
import { findKey, launchSaleKey, listKeys, listSaleKeys, revokeSaleKey } from '../../../src/sales/keys';
import { principalOf, requireRole } from '../../auth';
import { answerList, listAnswer } from '../../lists';
import { errorResponses, IdParam, json, jsonBody, PageQuery } from '../../schemas';
import type { Router } from '../../router';
import { moveSeat } from '../../../src/sales/seats';
import { keyInSaleView, keyView, publicKeyView, seatMoveView } from './present';
import { KeyInSaleSchema, KeySchema, Launch, MoveSeat, PublicKeySchema, RevokeKey, SeatMoveSchema } from './schemas';

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
      const { key, created } = await launchSaleKey(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(keyView(key), created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sales/{id}/keys',
      tags: ['sales'],
      description: "The sale's licence keys with their status; ?userEmail= the keys of one user (any case). Accept: text/csv exports every matching key.",
      request: {
        params: IdParam,
        query: PageQuery.extend({ distributionId: z.uuid().optional(), userEmail: z.string().trim().min(1).max(320).optional() }),
      },
      responses: { 200: listAnswer(KeySchema), ...errorResponses(404) },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      return answerList(c, { cursor, limit }, {
        read: (w) => listSaleKeys(c.var.deps, p, id, { ...filters, ...w }), key: (k) => k.id, present: keyView, item: KeySchema, name: `sale-${id}-keys`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/keys',
      tags: ['sales'],
      description:
        'Licence keys across every sale the caller may read (a manager: the sales of their organization and its descendants), ' +
        'each with its saleId; ?userEmail= one user\'s keys (any case), ?saleId=, ?distributionId= narrow it. Accept: text/csv exports every matching key.',
      request: {
        query: PageQuery.extend({
          userEmail: z.string().trim().min(1).max(320).optional(),
          saleId: z.uuid().optional(),
          distributionId: z.uuid().optional(),
        }),
      },
      responses: { 200: listAnswer(KeyInSaleSchema), ...errorResponses() },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      return answerList(c, { cursor, limit }, {
        read: (w) => listKeys(c.var.deps, p, { ...filters, ...w }), key: (k) => k.id, present: keyInSaleView, item: KeyInSaleSchema, name: 'keys',
      });
    },
  );

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
    async (c) => c.json(publicKeyView(await findKey(c.var.deps, c.req.valid('param').key)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sales/{id}/keys/{keyId}/revoke',
      tags: ['sales'],
      description:
        'Admin only. One user\'s key stops at once, with a reason: the public check answers "revoked", the key is no longer renewed, ' +
        'and the user\'s relaunch answers the revoked key (no new one: the seat stays with it). A repeat answers the key as it is.',
      request: {
        params: IdParam.extend({ keyId: z.uuid().openapi({ param: { name: 'keyId', in: 'path' } }) }),
        body: jsonBody(RevokeKey),
      },
      responses: { 200: json(KeySchema), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const { id, keyId } = c.req.valid('param');
      return c.json(keyView(await revokeSaleKey(c.var.deps, requireRole(c, 'admin'), id, keyId, c.req.valid('json').reason)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sales/{id}/seats/move',
      tags: ['sales'],
      description:
        'Admin only. A seat of an active sale goes from one user to another: the old user\'s key is revoked at once with the reason, ' +
        'and the new user\'s next launch issues their key on the seat. seatsUsed does not change. 409 SEAT_NOT_HELD when fromEmail holds ' +
        'no seat, SEAT_ALREADY_HELD when toEmail holds one (or had a key) on the distribution, INVALID_STATE when the sale is not active.',
      request: { params: IdParam, body: jsonBody(MoveSeat) },
      responses: { 201: json(SeatMoveSchema, 'Moved'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(seatMoveView(await moveSeat(c.var.deps, requireRole(c, 'admin'), c.req.valid('param').id, c.req.valid('json'))), 201),
  );
}
