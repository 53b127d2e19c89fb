import { createRoute, z } from '@hono/zod-openapi';
import { ATTEMPT_CURSOR, EVENT_CURSOR } from '../../../src/domain/cursor';
import { EVENT_TYPES } from '../../../src/domain/events';
import type { EventRow } from '../../../src/repos/events';
import type { AttemptView } from '../../../src/repos/webhooks';
import {
  createEndpoint,
  deleteEndpoint,
  eventKey,
  getEndpoint,
  getEvent,
  listDeliveries,
  listEndpoints,
  listEvents,
  redeliverEvent,
  rotateSecret,
  updateEndpoint,
} from '../../../src/platform/webhooks';
import { requireRole } from '../../auth';
import { withholdOnReplay } from '../../idempotency';
import { answerList, listAnswer } from '../../lists';
import type { Router } from '../../router';
import { errorResponses, IdParam, json, jsonBody, PageQuery, pageQuery } from '../../schemas';
import { EVENT_PAYLOAD_SCHEMAS, schemaName, webhookBodySchema } from './event-schemas';

// Outgoing webhooks and the event log (docs/events.md).

const EventTypeOrAll = z.enum(['*', ...EVENT_TYPES]);

const EndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()).openapi({ description: 'Event types, or ["*"] for every type' }),
    organizationId: z.uuid().nullable().openapi({ description: "null: every organization's events (admins only)" }),
    description: z.string().nullable(),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z.enum(['gone', 'manual']).nullable().openapi({ description: 'gone: the receiver answered 410; manual: PATCH status "disabled"' }),
    previousSecretExpiresAt: z.date().nullable().openapi({ description: 'After a rotation: until when the previous secret still signs beside the new one' }),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .openapi('WebhookEndpoint');

const EndpointWithSecret = EndpointSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret (whsec_…), shown only in this answer', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
}).openapi('WebhookEndpointWithSecret');

const Url = z.string().min(1).max(2000).openapi({ example: 'https://partner.example/hooks/partnerflow' });
const Events = z.array(EventTypeOrAll).min(1).max(100);

const CreateEndpoint = z
  .strictObject({ url: Url, events: Events, organizationId: z.uuid().optional(), description: z.string().max(500).optional() })
  .openapi('CreateWebhookEndpoint');
const PatchEndpoint = z
  .strictObject({ url: Url.optional(), events: Events.optional(), description: z.string().max(500).nullable().optional(), status: z.enum(['enabled', 'disabled']).optional() })
  .openapi('PatchWebhookEndpoint');

const EventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(EVENT_TYPES),
    organizationId: z.uuid().nullable(),
    createdAt: z.date(),
    data: z.record(z.string(), z.unknown()).openapi({ description: "The type's payload (the webhooks section of this document)" }),
  })
  .openapi('Event');

const AttemptSchema = z
  .object({
    id: z.number().int(),
    deliveryId: z.uuid().openapi({ description: 'The delivery (the webhook-id header); a redelivery has its own' }),
    eventId: z.uuid(),
    eventType: z.string(),
    redelivery: z.boolean(),
    attempt: z.number().int().openapi({ description: '1 to 10' }),
    at: z.date(),
    durationMs: z.number().int(),
    httpStatus: z.number().int().nullable(),
    error: z.string().nullable().openapi({ description: 'Why no HTTP answer came (a timeout, a refused connection, an address not allowed)' }),
    outcome: z.enum(['succeeded', 'retry', 'failed', 'gone']),
    nextRetryAt: z.date().nullable(),
  })
  .openapi('WebhookAttempt');

const Redelivery = z
  .object({ eventId: z.uuid(), deliveries: z.array(z.object({ id: z.uuid(), endpointId: z.uuid() })) })
  .openapi('Redelivery');

const presentEvent = (e: EventRow) => ({ id: e.id, type: e.type, organizationId: e.organizationId, createdAt: e.createdAt, data: e.data as Record<string, unknown> });
const presentAttempt = (a: AttemptView) => ({ ...a, id: Number(a.id) });

/** Endpoint routes that answer a secret: a repeat with the same Idempotency-Key never hands it out again. */
const withhold = (c: Parameters<typeof withholdOnReplay>[0], id: string, what: string) =>
  withholdOnReplay(c, {
    fields: ['secret'], replay: 'refuse', id,
    detail: `The first request with this Idempotency-Key ${what} webhook endpoint ${id}; its secret is shown only once, so it is not replayed. ` +
      `Rotate it (POST /v1/webhook-endpoints/${id}/rotate-secret) if you did not receive it.`,
  });

export function registerWebhookRoutes(app: Router) {
  for (const type of EVENT_TYPES) {
    app.openAPIRegistry.register(`${schemaName(type)}Data`, EVENT_PAYLOAD_SCHEMAS[type]);
    app.openAPIRegistry.registerWebhook({
      method: 'post', path: type, tags: ['webhooks'],
      summary: type,
      description: 'Signed as Standard Webhooks: headers webhook-id, webhook-timestamp, webhook-signature (docs/events.md). Answer 2xx; 410 disables the endpoint.',
      request: { body: jsonBody(webhookBodySchema(type)) },
      responses: { 200: { description: 'Received' } },
    });
  }

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/webhook-endpoints', tags: ['webhooks'],
      description:
        'Registers a URL for events. Admins for any organization or, without organizationId, for all; managers for organizations in their scope. ' +
        'The secret is shown once. A URL that resolves to a loopback, private or link-local address is refused (422 URL_NOT_ALLOWED).',
      request: { body: jsonBody(CreateEndpoint) },
      responses: { 201: json(EndpointWithSecret, 'Created'), ...errorResponses(403, 404, 422) },
    }),
    async (c) => {
      const endpoint = await createEndpoint(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json'));
      withhold(c, endpoint.id, 'created');
      return c.json(endpoint, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/webhook-endpoints', tags: ['webhooks'],
      description: "Endpoints in the caller's scope (admins: all), by id.",
      request: { query: PageQuery.extend({ organizationId: z.uuid().optional() }) },
      responses: { 200: listAnswer(EndpointSchema), ...errorResponses(403) },
    }),
    async (c) => {
      const { cursor, limit, organizationId } = c.req.valid('query');
      const p = requireRole(c, 'admin', 'manager');
      return answerList(c, { cursor, limit }, { read: (w) => listEndpoints(c.var.deps, p, { organizationId, ...w }), key: (e) => e.id, item: EndpointSchema, name: 'webhook-endpoints' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/webhook-endpoints/{id}', tags: ['webhooks'],
      request: { params: IdParam },
      responses: { 200: json(EndpointSchema), ...errorResponses(403, 404) },
    }),
    async (c) => c.json(await getEndpoint(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/webhook-endpoints/{id}', tags: ['webhooks'],
      description: 'Changes the URL, the events, the description, or enables/disables it (an endpoint a 410 disabled is enabled again this way).',
      request: { params: IdParam, body: jsonBody(PatchEndpoint) },
      responses: { 200: json(EndpointSchema), ...errorResponses(403, 404, 422) },
    }),
    async (c) => c.json(await updateEndpoint(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/webhook-endpoints/{id}', tags: ['webhooks'],
      description: 'Removes the endpoint: nothing more is sent to it; its pending retries end.',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      await deleteEndpoint(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/webhook-endpoints/{id}/rotate-secret', tags: ['webhooks'],
      description: 'A new secret, shown once. For 24 hours the previous one keeps signing beside it (two v1 signatures in webhook-signature).',
      request: { params: IdParam },
      responses: { 200: json(EndpointWithSecret), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const endpoint = await rotateSecret(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id);
      withhold(c, endpoint.id, 'rotated the secret of');
      return c.json(endpoint, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/webhook-endpoints/{id}/deliveries', tags: ['webhooks'],
      description: "The endpoint's delivery attempts, newest first: event, attempt number, time, HTTP status or error, duration, next retry.",
      request: { params: IdParam, query: pageQuery(ATTEMPT_CURSOR).extend({ eventId: z.uuid().optional() }) },
      responses: { 200: listAnswer(AttemptSchema), ...errorResponses(403, 404) },
    }),
    async (c) => {
      const { cursor, limit, eventId } = c.req.valid('query');
      const p = requireRole(c, 'admin', 'manager');
      const id = c.req.valid('param').id;
      return answerList(c, { cursor, limit }, {
        read: (w) => listDeliveries(c.var.deps, p, id, { eventId, ...w }), key: (a) => String(a.id), codec: ATTEMPT_CURSOR,
        present: presentAttempt, item: AttemptSchema, name: 'webhook-deliveries',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/events', tags: ['webhooks'],
      description: "Events in the caller's scope, newest first (managers: their organizations' events).",
      request: {
        query: pageQuery(EVENT_CURSOR).extend({
          type: z.enum(EVENT_TYPES).optional(),
          organizationId: z.uuid().optional(),
          since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Events at or after this instant (ISO 8601)' }),
        }),
      },
      responses: { 200: listAnswer(EventSchema), ...errorResponses(403) },
    }),
    async (c) => {
      const { cursor, limit, since, ...filters } = c.req.valid('query');
      const p = requireRole(c, 'admin', 'manager');
      return answerList(c, { cursor, limit }, {
        read: (w) => listEvents(c.var.deps, p, { ...filters, since: since ? new Date(since) : undefined, ...w }), key: eventKey, codec: EVENT_CURSOR,
        present: presentEvent, item: EventSchema, name: 'events',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/events/{id}', tags: ['webhooks'],
      request: { params: IdParam },
      responses: { 200: json(EventSchema), ...errorResponses(403, 404) },
    }),
    async (c) => c.json(presentEvent(await getEvent(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/events/{id}/redeliver', tags: ['webhooks'],
      description:
        'Sends the event again, delivered before or not: to endpointId, or to every enabled endpoint in your scope that receives it. ' +
        'Each redelivery has a new delivery id (webhook-id).',
      request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: z.strictObject({ endpointId: z.uuid().optional() }) } } } },
      responses: { 202: json(Redelivery, 'Accepted'), ...errorResponses(403, 404, 422) },
    }),
    async (c) => c.json(await redeliverEvent(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param').id, (c.req.valid('json') ?? {}).endpointId), 202),
  );
}
