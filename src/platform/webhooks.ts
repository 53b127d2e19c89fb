import { randomUUID } from 'node:crypto';
import { isEventType } from '../domain/events';
import { actorOf, type Principal } from '../domain/principal';
import { open, seal } from '../domain/secret-box';
import { normalizeSubscription, PREVIOUS_SECRET_TTL_MS, type EndpointStatus } from '../domain/webhooks/endpoints';
import { generateSecret } from '../domain/webhooks/signing';
import { AppError, forbidden, notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import { getEvent as readEvent, listEvents as readEvents, type EventRow } from '../repos/events';
import { organizationInScope } from '../repos/scope';
import {
  claimOutbox,
  deleteEndpoint as removeEndpoint,
  endpointsForEvent,
  getEndpoint as readEndpoint,
  insertEndpoint,
  insertRedeliveries,
  listAttempts,
  listEndpoints as readEndpoints,
  markDispatched,
  notifyOutbox,
  rotateEndpointSecret,
  updateEndpoint as writeEndpoint,
  type AttemptView,
  type EndpointRow,
  type OutboxRow,
} from '../repos/webhooks';
import { startLifecycle } from '../temporal/start';
import { ENDPOINT_ID, EVENT_ID } from '../../workflows/platform/search-attribute-definitions';
import { deliveryWorkflowId, redeliveryWorkflowId, WEBHOOK_DELIVERY_KIND } from '../../workflows/platform/webhook-delivery-definitions';
import type { Services } from './services';
import { assertWebhookUrl } from './webhook-urls';

// Outgoing webhooks (docs/events.md): endpoints, the event log, deliveries and redeliveries.

/** What a sealed secret is bound to: a sealed value copied to another endpoint does not open. */
export const secretContext = (endpointId: string) => `webhook-endpoint:${endpointId}`;

/** An endpoint as the API shows it: its row without the sealed secrets. `previousSecretExpiresAt`: while a rotated-out secret still signs beside the new one, until when. */
export type Endpoint = Omit<EndpointRow, 'secretSealed' | 'previousSecretSealed'>;

const present = (row: EndpointRow): Endpoint => ({
  id: row.id, url: row.url, events: row.events, organizationId: row.organizationId, description: row.description, status: row.status,
  disabledReason: row.disabledReason,
  previousSecretExpiresAt: row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? row.previousSecretExpiresAt : null,
  createdAt: row.createdAt, updatedAt: row.updatedAt,
});

const auditView = (e: Endpoint) => ({ url: e.url, events: e.events, status: e.status, description: e.description });

function subscription(events: string[]): string[] {
  const unknown = events.filter((t) => t !== '*' && !isEventType(t));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: events', { errors: [{ path: 'events', message: `unknown event types: ${unknown.join(', ')} (GET /openapi.json lists them under webhooks)` }] });
  }
  return normalizeSubscription(events);
}

type S = Pick<Services, 'sql' | 'config'>;

export interface NewEndpoint {
  url: string;
  events: string[];
  organizationId?: string;
  description?: string;
}

/** Registers an endpoint; the answer carries its signing secret, shown this once. */
export async function createEndpoint(s: S, p: Principal, input: NewEndpoint): Promise<Endpoint & { secret: string }> {
  const events = subscription(input.events);
  await assertWebhookUrl(input.url, s.config.WEBHOOK_ALLOW_PRIVATE);
  const organizationId = input.organizationId ?? null;
  if (organizationId === null && p.role !== 'admin') throw forbidden('Only admins register endpoints for every organization; give organizationId');
  const secret = generateSecret();
  const id = randomUUID();
  return s.sql.begin(async (tx) => {
    if (organizationId && !(await organizationInScope(tx, p, organizationId))) throw notFound('Organization');
    const row = await insertEndpoint(tx, {
      id, url: input.url, events, organizationId, description: input.description ?? null, createdBy: p.userId,
      secretSealed: seal(s.config.SECRETS_KEY, secretContext(id), secret),
    });
    const endpoint = present(row);
    await recordAudit(tx, { actor: actorOf(p), entity: 'webhook_endpoint', entityId: id, action: 'create', organizationId, after: auditView(endpoint) });
    return { ...endpoint, secret };
  });
}

export async function getEndpoint(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<Endpoint> {
  return present(await readEndpoint(s.sql, p, id));
}

export async function listEndpoints(s: Pick<Services, 'sql'>, p: Principal, q: { organizationId?: string; after?: string; limit: number }): Promise<Endpoint[]> {
  return (await readEndpoints(s.sql, p, q)).map(present);
}

export interface EndpointPatch {
  url?: string;
  events?: string[];
  description?: string | null;
  status?: EndpointStatus;
}

/** Changes an endpoint; enabling one that a 410 disabled makes it receive new events again. */
export async function updateEndpoint(s: S, p: Principal, id: string, patch: EndpointPatch): Promise<Endpoint> {
  const events = patch.events && subscription(patch.events);
  if (patch.url !== undefined) await assertWebhookUrl(patch.url, s.config.WEBHOOK_ALLOW_PRIVATE);
  return s.sql.begin(async (tx) => {
    const before = present(await readEndpoint(tx, p, id, { forUpdate: true }));
    const after = present(await writeEndpoint(tx, id, { ...patch, ...(events && { events }) }));
    await recordAudit(tx, { actor: actorOf(p), entity: 'webhook_endpoint', entityId: id, action: 'update', organizationId: after.organizationId, before: auditView(before), after: auditView(after) });
    return after;
  });
}

/** Removes an endpoint: it receives nothing more, and its pending retries stop at their next attempt. */
export async function deleteEndpoint(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<void> {
  await s.sql.begin(async (tx) => {
    const before = present(await readEndpoint(tx, p, id, { forUpdate: true }));
    await removeEndpoint(tx, id);
    await recordAudit(tx, { actor: actorOf(p), entity: 'webhook_endpoint', entityId: id, action: 'delete', organizationId: before.organizationId, before: auditView(before) });
  });
}

/** A new signing secret, shown once; the old one keeps signing beside it for 24 hours. */
export async function rotateSecret(s: S, p: Principal, id: string): Promise<Endpoint & { secret: string }> {
  const secret = generateSecret();
  return s.sql.begin(async (tx) => {
    const current = await readEndpoint(tx, p, id, { forUpdate: true });
    const row = await rotateEndpointSecret(tx, id, {
      secretSealed: seal(s.config.SECRETS_KEY, secretContext(id), secret),
      previousSealed: current.secretSealed,
      previousExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_TTL_MS),
    });
    await recordAudit(tx, { actor: actorOf(p), entity: 'webhook_endpoint', entityId: id, action: 'rotate_secret', organizationId: row.organizationId });
    return { ...present(row), secret };
  });
}

/** The secrets that sign a delivery now: the current one, and the previous one while it is still valid. */
export function signingSecrets(secretsKey: string, e: { endpointId: string; secretSealed: string; previousSecretSealed: string | null; previousSecretExpiresAt: Date | null }, now: Date): string[] {
  const context = secretContext(e.endpointId);
  const secrets = [open(secretsKey, context, e.secretSealed)];
  if (e.previousSecretSealed && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now) {
    // A previous secret sealed under a key since replaced (a rotation after a lost key) no longer signs.
    try {
      secrets.push(open(secretsKey, context, e.previousSecretSealed));
    } catch {
      /* the current secret alone */
    }
  }
  return secrets;
}

// Events.

export type Event = Omit<EventRow, 'createdUs'>;
export const eventKey = (e: EventRow) => `${e.createdUs}_${e.id}`;

export function listEvents(s: Pick<Services, 'sql'>, p: Principal, q: { type?: string; organizationId?: string; since?: Date; after?: string; limit: number }): Promise<EventRow[]> {
  return readEvents(s.sql, p, q);
}

export function getEvent(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<EventRow> {
  return readEvent(s.sql, p, id);
}

// Deliveries.

export async function listDeliveries(s: Pick<Services, 'sql'>, p: Principal, endpointId: string, q: { eventId?: string; after?: string; limit: number }): Promise<AttemptView[]> {
  await readEndpoint(s.sql, p, endpointId);
  return listAttempts(s.sql, endpointId, q);
}

/**
 * Sends an event again, whether or not it was delivered before: one new delivery (with an id of
 * its own) to the given endpoint, or to every enabled endpoint in the caller's scope that
 * receives the event's type. The worker starts them once this commits.
 */
export async function redeliverEvent(s: Pick<Services, 'sql'>, p: Principal, eventId: string, endpointId?: string): Promise<{ eventId: string; deliveries: { id: string; endpointId: string }[] }> {
  return s.sql.begin(async (tx) => {
    const event = await readEvent(tx, p, eventId);
    if (endpointId) await readEndpoint(tx, p, endpointId);
    const endpoints = await endpointsForEvent(tx, p, event, endpointId);
    if (endpointId && endpoints.length === 0) {
      throw new AppError('UNPROCESSABLE', `Endpoint ${endpointId} does not receive this event: it is disabled, not subscribed to ${event.type}, or its organization's scope does not hold the event`);
    }
    const rows = await insertRedeliveries(tx, eventId, endpoints.map((e) => e.id));
    if (rows.length) await notifyOutbox(tx);
    await recordAudit(tx, { actor: actorOf(p), entity: 'event', entityId: eventId, action: 'redeliver', organizationId: event.organizationId, after: { endpoints: rows.map((r) => r.endpointId) } });
    return { eventId, deliveries: rows.map((r) => ({ id: r.id, endpointId: r.endpointId })) };
  });
}

/** Deliveries the dispatcher starts per round; a full round means more are waiting. */
export const OUTBOX_BATCH = 100;

/** The workflow that carries one delivery: the business key of a first delivery, an id of its own for a redelivery. */
export const workflowIdOf = (d: Pick<OutboxRow, 'id' | 'eventId' | 'endpointId' | 'redelivery'>) =>
  d.redelivery ? redeliveryWorkflowId(d.id) : deliveryWorkflowId(d.eventId, d.endpointId);

/**
 * Starts a delivery workflow for each delivery in the outbox (written by the events'
 * transactions), oldest first. A start that Temporal refuses as a duplicate was started before
 * (a dispatcher that died before marking it): it counts as started. How many were taken.
 */
export async function dispatchOutbox(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, limit = OUTBOX_BATCH): Promise<number> {
  return s.sql.begin(async (tx) => {
    const batch = await claimOutbox(tx, limit);
    if (batch.length === 0) return 0;
    for (const d of batch) {
      await startLifecycle(s.temporal, 'webhookDeliveryWorkflow', {
        workflowId: workflowIdOf(d),
        taskQueue: s.taskQueue,
        args: [{ deliveryId: d.id }],
        kind: WEBHOOK_DELIVERY_KIND,
        status: 'pending',
        organizationId: d.organizationId,
        searchAttributes: [{ key: ENDPOINT_ID, value: d.endpointId }, { key: EVENT_ID, value: d.eventId }],
        reuse: true,
      });
    }
    await markDispatched(tx, batch.map((d) => d.id));
    return batch.length;
  });
}
