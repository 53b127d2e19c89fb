import type { Context } from 'hono';
import type { Principal } from '../../../src/domain/principal';
import { listOrganizations } from '../../../src/platform/organizations';
import { notFound } from '../../../src/errors';
import { requireRole } from '../../auth';
import type { AppEnv } from '../../context';
import { portalUser } from '../page';

/**
 * The signed-in admin, or the portal's 403 page: the same role check as the admin-only API
 * routes (`requireRole(c, 'admin')`), so a manager who opens an admin URL is refused as the API
 * would refuse their token.
 */
export function adminUser(c: Context<AppEnv>): { principal: Principal; csrf: string } {
  const user = portalUser(c);
  requireRole(c, 'admin');
  return user;
}

/** How many organizations an admin's select offers (sorted by name; the API lists more by paging). */
const ORGANIZATION_CHOICES = 500;

/** The organizations an admin may pick from, for a select. */
export async function organizationOptions(c: Context<AppEnv>, principal: Principal): Promise<{ value: string; label: string }[]> {
  const orgs = await listOrganizations(c.var.deps, principal, { limit: ORGANIZATION_CHOICES });
  return orgs.map((o) => ({ value: o.id, label: o.name })).sort((a, b) => a.label.localeCompare(b.label));
}

/** A query-string flag after Post/Redirect/Get: `?done=<flag>` says what happened. */
export const doneFlag = (c: Context<AppEnv>): string | undefined => c.req.query('done') || undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's id from the URL: anything but a UUID is a page that does not exist (404), as in the API. */
export function idParam(c: Context<AppEnv>, what: string, value = c.req.param('id')): string {
  if (!value || !UUID.test(value)) throw notFound(what);
  return value;
}
