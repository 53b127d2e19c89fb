import type { Db } from '../db/connect';
import type { EventType } from '../domain/events';
import type { Principal } from '../domain/principal';
import type { AttemptOutcome } from '../domain/webhooks/schedule';
import type { EndpointStatus } from '../domain/webhooks/endpoints';
import { notFound } from '../errors';
import { inScope } from './scope';

// Outgoing webhooks: endpoints, the deliveries every event writes for them (the outbox the
// dispatcher turns into delivery workflows), and each delivery's attempts.

export interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  organizationId: string | null;
  description: string | null;
  status: EndpointStatus;
  disabledReason: 'gone' | 'manual' | null;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const ENDPOINT_COLUMNS = (sql: Db) => sql`
  w.id, w.url, w.events, w.organization_id, w.description, w.status, w.disabled_reason, w.secret_sealed,
  w.previous_secret_sealed, w.previous_secret_expires_at, w.created_at, w.updated_at`;

/** Managers see the endpoints of their organizations; site-wide ones (no organization) only admins. */
const visible = (sql: Db, p: Principal) => (p.role === 'admin' ? sql`true` : sql`w.organization_id is not null and ${inScope(sql, p, 'w.organization_id')}`);

export async function insertEndpoint(
  sql: Db,
  e: { id: string; url: string; events: string[]; organizationId: string | null; description: string | null; secretSealed: string; createdBy: string },
): Promise<EndpointRow> {
  const [row] = await sql<EndpointRow[]>`
    insert into webhook_endpoints as w (id, url, events, organization_id, description, secret_sealed, created_by)
    values (${e.id}, ${e.url}, ${e.events}, ${e.organizationId}, ${e.description}, ${e.secretSealed}, ${e.createdBy})
    returning ${ENDPOINT_COLUMNS(sql)}`;
  return row!;
}

/** An endpoint in the caller's scope (not deleted), locked when `forUpdate`. */
export async function getEndpoint(sql: Db, p: Principal, id: string, o: { forUpdate?: boolean } = {}): Promise<EndpointRow> {
  const [row] = await sql<EndpointRow[]>`
    select ${ENDPOINT_COLUMNS(sql)} from webhook_endpoints w
    where w.id = ${id} and w.deleted_at is null and ${visible(sql, p)} ${o.forUpdate ? sql`for update` : sql``}`;
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function listEndpoints(sql: Db, p: Principal, q: { organizationId?: string; after?: string; limit: number }): Promise<EndpointRow[]> {
  return sql<EndpointRow[]>`
    select ${ENDPOINT_COLUMNS(sql)} from webhook_endpoints w
    where w.deleted_at is null and ${visible(sql, p)}
      ${q.organizationId ? sql`and w.organization_id = ${q.organizationId}` : sql``}
      ${q.after ? sql`and w.id > ${q.after}` : sql``}
    order by w.id limit ${q.limit}`;
}

export async function updateEndpoint(
  sql: Db,
  id: string,
  patch: { url?: string; events?: string[]; description?: string | null; status?: EndpointStatus },
): Promise<EndpointRow> {
  const reason = patch.status === undefined ? sql`disabled_reason` : patch.status === 'disabled' ? sql`coalesce(disabled_reason, 'manual')` : sql`null`;
  const [row] = await sql<EndpointRow[]>`
    update webhook_endpoints w set
      url = coalesce(${patch.url ?? null}, url),
      events = coalesce(${patch.events ?? null}::text[], events),
      description = ${patch.description === undefined ? sql`description` : sql`${patch.description}`},
      status = coalesce(${patch.status ?? null}, status),
      disabled_reason = ${reason},
      updated_at = now()
    where w.id = ${id} and w.deleted_at is null
    returning ${ENDPOINT_COLUMNS(sql)}`;
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function deleteEndpoint(sql: Db, id: string): Promise<void> {
  await sql`update webhook_endpoints set deleted_at = now(), updated_at = now() where id = ${id} and deleted_at is null`;
}

/** The new secret signs from now on; the one it replaces keeps signing beside it until `previousExpiresAt`. */
export async function rotateEndpointSecret(sql: Db, id: string, s: { secretSealed: string; previousSealed: string; previousExpiresAt: Date }): Promise<EndpointRow> {
  const [row] = await sql<EndpointRow[]>`
    update webhook_endpoints w set secret_sealed = ${s.secretSealed}, previous_secret_sealed = ${s.previousSealed},
      previous_secret_expires_at = ${s.previousExpiresAt}, updated_at = now()
    where w.id = ${id} and w.deleted_at is null
    returning ${ENDPOINT_COLUMNS(sql)}`;
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/** A receiver answered 410 Gone: the endpoint stops receiving until someone enables it again. True when this disabled it. */
export async function disableGoneEndpoint(sql: Db, id: string): Promise<boolean> {
  const rows = await sql`
    update webhook_endpoints set status = 'disabled', disabled_reason = 'gone', updated_at = now()
    where id = ${id} and status = 'enabled' and deleted_at is null returning id`;
  return rows.length > 0;
}

// Deliveries: the outbox.

/**
 * One delivery for each enabled endpoint subscribed to the event's type whose scope holds the
 * event's organization (an endpoint of an organization: that organization and its descendants;
 * without one: everything). Runs in the event's transaction, so the deliveries exist exactly when
 * the event does. How many were written.
 */
export async function insertDeliveriesForEvent(sql: Db, e: { id: string; type: EventType; organizationId: string | null }): Promise<number> {
  const rows = await sql`
    insert into webhook_deliveries (event_id, endpoint_id)
    select ${e.id}, w.id from webhook_endpoints w
    where w.deleted_at is null and w.status = 'enabled'
      and w.events && array['*', ${e.type}]::text[]
      and (w.organization_id is null
           or w.organization_id = any(coalesce((select o.path from organizations o where o.id = ${e.organizationId}::uuid), '{}')))
    returning id`;
  return rows.length;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  endpointId: string;
  redelivery: boolean;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
}

const DELIVERY_COLUMNS = (sql: Db) => sql`d.id, d.event_id, d.endpoint_id, d.redelivery, d.status, d.attempts, d.created_at, d.finished_at`;

/** New deliveries of an event (a redelivery), one per endpoint. */
export async function insertRedeliveries(sql: Db, eventId: string, endpointIds: string[]): Promise<DeliveryRow[]> {
  if (endpointIds.length === 0) return [];
  return sql<DeliveryRow[]>`
    insert into webhook_deliveries as d (event_id, endpoint_id, redelivery)
    select ${eventId}, unnest(${endpointIds}::uuid[]), true
    returning ${DELIVERY_COLUMNS(sql)}`;
}

/**
 * Enabled endpoints in the caller's scope that would receive the event now: subscribed to its type
 * and holding its organization in their scope.
 */
export async function endpointsForEvent(sql: Db, p: Principal, e: { type: string; organizationId: string | null }, endpointId?: string): Promise<EndpointRow[]> {
  return sql<EndpointRow[]>`
    select ${ENDPOINT_COLUMNS(sql)} from webhook_endpoints w
    where w.deleted_at is null and w.status = 'enabled' and ${visible(sql, p)}
      and w.events && array['*', ${e.type}]::text[]
      and (w.organization_id is null
           or w.organization_id = any(coalesce((select o.path from organizations o where o.id = ${e.organizationId}::uuid), '{}')))
      ${endpointId ? sql`and w.id = ${endpointId}` : sql``}
    order by w.id`;
}

export interface OutboxRow {
  id: string;
  eventId: string;
  endpointId: string;
  redelivery: boolean;
  eventType: string;
  organizationId: string | null;
}

/** Deliveries whose workflow has not been started yet, oldest first, locked (others skip them). */
export async function claimOutbox(sql: Db, limit: number): Promise<OutboxRow[]> {
  return sql<OutboxRow[]>`
    select d.id, d.event_id, d.endpoint_id, d.redelivery, e.type as event_type, e.organization_id
    from webhook_deliveries d join events e on e.id = d.event_id
    where d.dispatched_at is null
    order by d.created_at limit ${limit}
    for update of d skip locked`;
}

export async function markDispatched(sql: Db, ids: string[]): Promise<void> {
  if (ids.length) await sql`update webhook_deliveries set dispatched_at = now() where id = any(${ids}::uuid[])`;
}

/** Everything an attempt needs: the delivery, its event and its endpoint (deleted ones too). */
export interface DeliveryForAttempt {
  id: string;
  status: DeliveryRow['status'];
  eventId: string;
  eventType: string;
  eventData: unknown;
  eventCreatedAt: Date;
  endpointId: string;
  url: string;
  endpointStatus: EndpointStatus;
  endpointDeleted: boolean;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
}

export async function deliveryForAttempt(sql: Db, deliveryId: string): Promise<DeliveryForAttempt | undefined> {
  const [row] = await sql<DeliveryForAttempt[]>`
    select d.id, d.status, e.id as event_id, e.type as event_type, e.data as event_data, e.created_at as event_created_at,
           w.id as endpoint_id, w.url, w.status as endpoint_status, w.deleted_at is not null as endpoint_deleted,
           w.secret_sealed, w.previous_secret_sealed, w.previous_secret_expires_at
    from webhook_deliveries d join events e on e.id = d.event_id join webhook_endpoints w on w.id = d.endpoint_id
    where d.id = ${deliveryId}`;
  return row;
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  at: Date;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
  outcome: AttemptOutcome;
  nextRetryAt: Date | null;
}

/**
 * Records an attempt once (a retried activity finds its attempt already there: false) and moves
 * the delivery on: its attempt count, and its end when the outcome ends it.
 */
export async function recordAttempt(sql: Db, a: AttemptRecord): Promise<boolean> {
  const rows = await sql`
    insert into webhook_attempts (delivery_id, attempt, at, duration_ms, http_status, error, outcome, next_retry_at)
    values (${a.deliveryId}, ${a.attempt}, ${a.at}, ${a.durationMs}, ${a.httpStatus}, ${a.error}, ${a.outcome}, ${a.nextRetryAt})
    on conflict (delivery_id, attempt) do nothing returning id`;
  if (rows.length === 0) return false;
  const status = a.outcome === 'succeeded' ? 'succeeded' : a.outcome === 'retry' ? 'pending' : 'failed';
  await sql`
    update webhook_deliveries set attempts = greatest(attempts, ${a.attempt}), status = ${status},
      finished_at = ${status === 'pending' ? null : a.at}
    where id = ${a.deliveryId} and status = 'pending'`;
  return true;
}

/** The attempt already recorded under this number (a retried activity), if any. */
export async function attemptRecorded(sql: Db, deliveryId: string, attempt: number): Promise<AttemptRecord | undefined> {
  const [row] = await sql<AttemptRecord[]>`
    select delivery_id, attempt, at, duration_ms, http_status, error, outcome, next_retry_at
    from webhook_attempts where delivery_id = ${deliveryId} and attempt = ${attempt}`;
  return row;
}

/** A delivery ends without an attempt: its endpoint was disabled or deleted meanwhile. */
export async function cancelDelivery(sql: Db, deliveryId: string): Promise<void> {
  await sql`update webhook_deliveries set status = 'cancelled', finished_at = clock_timestamp() where id = ${deliveryId} and status = 'pending'`;
}

/** An attempt as listed for an endpoint: the recorded attempt, with its event and its own id. */
export interface AttemptView extends AttemptRecord {
  id: number;
  eventId: string;
  eventType: string;
  redelivery: boolean;
}

/** An endpoint's attempts, newest first; `after` is the id of the previous page's last one. */
export async function listAttempts(sql: Db, endpointId: string, q: { eventId?: string; after?: string; limit: number }): Promise<AttemptView[]> {
  return sql<AttemptView[]>`
    select a.id, a.delivery_id, d.event_id, e.type as event_type, d.redelivery, a.attempt, a.at, a.duration_ms,
           a.http_status, a.error, a.outcome, a.next_retry_at
    from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id join events e on e.id = d.event_id
    where d.endpoint_id = ${endpointId}
      ${q.eventId ? sql`and d.event_id = ${q.eventId}` : sql``}
      ${q.after ? sql`and a.id < ${Number(q.after)}` : sql``}
    order by a.id desc limit ${q.limit}`;
}

/** The channel the dispatcher listens on; a notification is delivered when the transaction commits, and never when it rolls back. */
export const OUTBOX_CHANNEL = 'partnerflow_webhook_outbox';

export async function notifyOutbox(sql: Db): Promise<void> {
  await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`;
}
