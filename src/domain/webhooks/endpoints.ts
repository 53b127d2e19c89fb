// Webhook endpoints: what they subscribe to and which URLs they may have. Pure.
import { EVENT_TYPES, type EventType } from '../events';

/** An endpoint subscribed to `["*"]` receives every type, present and future. */
export const EVERY_EVENT = '*';

export type EndpointStatus = 'enabled' | 'disabled';

/** Whether an endpoint subscribed to `events` receives an event of `type`. */
export const subscribes = (events: readonly string[], type: EventType) => events.includes(EVERY_EVENT) || events.includes(type);

/** The subscription as stored: `["*"]` alone, or the listed types once each in catalogue order. */
export function normalizeSubscription(events: readonly string[]): string[] {
  if (events.includes(EVERY_EVENT)) return [EVERY_EVENT];
  return EVENT_TYPES.filter((t) => events.includes(t));
}

/** Why a URL cannot be an endpoint's (before any address is looked at), or undefined. */
export function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry credentials (user:password@); authenticate requests with the signature';
  if (url.hash) return 'must not have a #fragment';
  if (!url.hostname) return 'must name a host';
  return undefined;
}

/** The signing secret's prefix (Standard Webhooks). */
export const SECRET_PREFIX = 'whsec_';

/** How long the secret before a rotation keeps signing beside the new one. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 60 * 60 * 1000;
