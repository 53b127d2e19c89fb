/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Principal } from '../../../src/domain/principal';
import { formatMoney } from '../../../src/domain/sales/notifications';
import { AppError, notFound } from '../../../src/errors';
import { getOrganization, listOrganizations, type Organization } from '../../../src/platform/organizations';
import type { AppEnv } from '../../context';
import { FilterForm, Select } from '../components';
import { portalUser } from '../page';

export const SECTION = '/portal/allotments';

/** The signed-in manager or admin (the API's allotment routes need the same roles). */
export function buyer(c: Context<AppEnv>): { principal: Principal; csrf: string } {
  const user = portalUser(c);
  if (user.principal.role !== 'admin' && user.principal.role !== 'manager') throw new AppError('FORBIDDEN', 'This needs the role admin or manager');
  return user;
}

/** An id from the URL: anything but a UUID is a page that does not exist. */
export function idParam(value: string | undefined, what = 'Page'): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

/**
 * The organization a page is about: the one asked for (in the caller's scope, else 404), or a
 * manager's own. An admin who asked for none gets undefined (and picks one).
 */
export async function organizationOf(c: Context<AppEnv>, p: Principal, requested: string | undefined): Promise<Organization | undefined> {
  const id = requested || (p.role === 'admin' ? undefined : p.organizationId);
  if (!id) {
    if (p.role === 'admin') return undefined;
    throw new AppError('FORBIDDEN', 'Your user belongs to no organization');
  }
  return getOrganization(c.var.deps, p, idParam(id, 'Organization'));
}

export const money = (amount: number, currency: string) => formatMoney({ amount, currency });

/** An instant as the API shows it, to the second. */
export const instant = (d: Date | string | null) => (d ? new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z') : '—');

export const listUrl = (organizationId: string, extra: Record<string, string> = {}) => `${SECTION}?${new URLSearchParams({ organizationId, ...extra })}`;
export const ledgerUrl = (organizationId: string, assessmentId: string) => `${SECTION}/${organizationId}/${assessmentId}`;
export const buyUrl = (organizationId: string, assessmentId: string) => `${SECTION}/buy?${new URLSearchParams({ organizationId, assessmentId })}`;
export const purchaseUrl = (id: string) => `${SECTION}/purchases/${id}`;

/** The organizations an admin may pick from (the first 500 by id; their own scope for anyone else). */
export const pickableOrganizations = (c: Context<AppEnv>, p: Principal) => listOrganizations(c.var.deps, p, { limit: 500 });

/** An admin's choice of organization (a GET form: the choice is in the address, so it can be bookmarked). */
export const OrganizationPicker = (props: { organizations: Organization[]; selected?: string }) => (
  <FilterForm action={SECTION} submit="Show allotments" primary>
    <Select
      name="organizationId"
      label="Organization"
      value={props.selected}
      options={[{ value: '', label: 'Choose an organization' }, ...props.organizations.map((o) => ({ value: o.id, label: o.name }))]}
    />
  </FilterForm>
);
